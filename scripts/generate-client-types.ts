// Writes packages/client/src/generated/api-types.ts from the API contract:
//   node --import ./scripts/register-hooks.mjs scripts/generate-client-types.ts
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { CLIENT_TYPES_FILE, renderClientTypes } from "./render-client-types.ts";

const next = await renderClientTypes();
const current = await readFile(CLIENT_TYPES_FILE, "utf8").catch(() => null);
const shown = path.relative(process.cwd(), CLIENT_TYPES_FILE);
if (current === next) {
  console.log(`${shown} is up to date`);
} else {
  await writeFile(CLIENT_TYPES_FILE, next);
  console.log(`wrote ${shown}`);
}
