import "server-only";
import { processState } from "../process-state.ts";
import { buildOpenApiDocument } from "./openapi.ts";

/** The document cannot change while the process runs: built once, on first use. */
export const openApiDocument = (): Record<string, unknown> =>
  processState("openapi-document", () => buildOpenApiDocument({ version: "1.0.0" }));
