// `node --import ./scripts/register-hooks.mjs file.ts`: TypeScript via tsx, plus server-only.
import { register } from "node:module";
import { register as registerTsx } from "tsx/esm/api";

register("./server-only-hook.mjs", import.meta.url);
registerTsx();
