import path from "node:path";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { buildOpenApiDocument } from "../lib/api-contract/openapi.ts";

/** Where the SDK keeps its generated types (checked in, so the package builds without the server). */
export const CLIENT_TYPES_FILE = path.resolve(import.meta.dirname, "../packages/client/src/generated/api-types.ts");

const HEADER = `/**
 * Generated from the API contract (lib/api-contract, the document GET /api/v1/openapi.json serves)
 * by scripts/generate-client-types.ts with openapi-typescript. Do not edit: change the contract, then
 *   node --import ./scripts/register-hooks.mjs scripts/generate-client-types.ts
 * test/unit/client-types-current.test.ts fails while this file is behind the contract.
 */

`;

/** The SDK's types file as the contract describes it now: the same bytes for the same contract. */
export async function renderClientTypes(): Promise<string> {
  // The version is fixed: it would only make the file churn, the SDK does not read it.
  const document = withoutExamples(buildOpenApiDocument({ version: "1.0.0" })) as unknown as OpenAPI3;
  const nodes = await openapiTS(document, { silent: true, alphabetize: true });
  return HEADER + astToString(nodes);
}

/** The document without its examples: they are for readers of the reference, and in the types they would only be bulk. */
function withoutExamples(value: unknown, parentKey?: string): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutExamples(item));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      // Under "properties" the keys are field names, one of which could be "example".
      .filter(([key]) => parentKey === "properties" || key !== "example")
      .map(([key, child]) => [key, withoutExamples(child, key)]),
  );
}
