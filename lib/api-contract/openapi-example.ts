type TJson = Record<string, unknown>;

/** Values for fields that recur across the API, so composed examples read like real answers. */
const BY_NAME: Record<string, unknown> = {
  id: "01jf3z8k6v1q2w3e4r5t6y7u8i",
  artifactId: "01jf3z8k6v1q2w3e4r5t6y7u8i",
  key: "01jf3z9a1b2c3d4e5f6g7h8j9k",
  sessionKey: "01jf3z9m4n5p6q7r8s9t0v1w2x",
  namespace: "agent:planner",
  name: "reports/summary.md",
  filename: "summary.md",
  mimeType: "text/markdown",
  sessionId: "chat-42",
  runId: "run-7",
  createdBy: "planner",
  identity: "planner",
  actor: "planner",
  sha256: "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
  sizeBytes: 2048,
  version: 1,
  latestVersion: 1,
  url: "https://stowage.example/api/v1/shared/stl_4f9c2e…",
  nextCursor: null,
  email: "ada@example.com",
  label: "ci",
};

const INSTANT = "2026-12-01T10:00:00.000Z";

/**
 * An example value for a JSON Schema produced from the contract: the schema's own example where it
 * has one, else one composed from the examples of its parts (components by reference, one item per
 * array, the first non-null branch of a union). The unit test parses every one with its zod schema.
 */
export function exampleFor(schema: TJson, components: Record<string, unknown>, field?: string, depth = 0): unknown {
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if (depth > 12) return null;
  const next = (s: unknown, f?: string) => exampleFor((s ?? {}) as TJson, components, f, depth + 1);
  if (field !== undefined && field in BY_NAME && fits(schema, BY_NAME[field])) return BY_NAME[field];
  if (typeof schema.$ref === "string") return next(components[schema.$ref.split("/").pop()!], field);
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const branches = (schema.anyOf ?? schema.oneOf) as TJson[] | undefined;
  if (branches) return next(branches.find((b) => b.type !== "null") ?? branches[0], field);
  if (Array.isArray(schema.allOf)) return Object.assign({}, ...schema.allOf.map((part) => next(part, field)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const properties = (schema.properties ?? {}) as Record<string, unknown>;
      return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, next(value, key)]));
    }
    case "array":
      return schema.items ? [next(schema.items, field)] : [];
    case "string":
      if (schema.format === "date-time") return INSTANT;
      if (schema.format === "uri") return "https://stowage.example/";
      // A pattern (a number in a query string, say) takes the first stock string that matches it.
      if (typeof schema.pattern === "string")
        return ["10", "example"].find((c) => new RegExp(schema.pattern as string).test(c)) ?? "example";
      return typeof schema.minLength === "number" && schema.minLength > 6 ? "x".repeat(schema.minLength) : "example";
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? Math.max(schema.minimum, 1) : 1;
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return null;
  }
}

/** Whether a stock value has one of the schema's plain types (enums, patterns and refs are left to the schema). */
function fits(schema: TJson, value: unknown): boolean {
  if (schema.enum || schema.const !== undefined) return false;
  if (typeof schema.pattern === "string") return typeof value === "string" && new RegExp(schema.pattern).test(value);
  const types = [schema.type, ...((schema.anyOf as TJson[] | undefined) ?? []).map((b) => b.type)].flat();
  const kind = value === null ? "null" : typeof value === "number" ? (Number.isInteger(value) ? "integer" : "number") : typeof value;
  return types.includes(kind) || (kind === "integer" && types.includes("number"));
}
