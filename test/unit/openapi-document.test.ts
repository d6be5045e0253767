import { readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { API_OPERATIONS } from "../../lib/api-contract/index.ts";
import { ERROR_STATUS, type ErrorCode } from "../../lib/errors.ts";
import { buildOpenApiDocument } from "../../lib/api-contract/openapi.ts";
import { appRouteFiles } from "../../lib/observability/route-labels.ts";

const root = path.resolve(import.meta.dirname, "../..");
const doc = buildOpenApiDocument({ version: "1.0.0" }) as {
  paths: Record<
    string,
    Record<string, { operationId: string; parameters?: { name: string; in: string }[]; responses: Record<string, unknown> }>
  >;
};

/** Every "METHOD /path" the server answers under /api/v1: the route files' exports and the streaming routes. */
function servedOperations(): string[] {
  const served = new Set<string>();
  for (const file of appRouteFiles(path.join(root, "app"))) {
    if (file.kind !== "route" || !file.label.startsWith("/api/v1/")) continue;
    const source = readFileSync(file.file, "utf8");
    for (const [, method] of source.matchAll(/^export (?:const|async function|function) (GET|HEAD|POST|PUT|PATCH|DELETE)\b/gm)) {
      served.add(`${method} ${file.label}`);
    }
  }
  const streaming = readFileSync(path.join(root, "lib/server/streaming-routes.ts"), "utf8");
  for (const [, methods, label] of streaming.matchAll(/methods: \[([^\]]+)\],\s*pattern: \/.*\/,\s*label: "([^"]+)"/g)) {
    for (const method of methods!.matchAll(/"([A-Z]+)"/g)) served.add(`${method[1]} ${label}`);
  }
  return [...served].sort();
}

const documented = () =>
  Object.entries(doc.paths)
    .flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`))
    .sort();

describe("the OpenAPI document", () => {
  it("documents exactly the operations the server serves", () => {
    const served = servedOperations();
    // The scan itself must see the routes, or the comparison proves nothing.
    expect(served).toContain("POST /api/v1/artifacts");
    expect(served).toContain("GET /api/v1/artifacts/{id}");
    expect(served).toContain("PUT /api/v1/uploads/{id}/parts/{n}");
    expect(documented()).toEqual(served);
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("gives each operation a unique id, a success response, its path parameters and the auth scheme", () => {
    const ids = API_OPERATIONS.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [p, methods] of Object.entries(doc.paths)) {
      const inTemplate = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const op of Object.values(methods)) {
        const pathParams = (op.parameters ?? [])
          .filter((q) => q.in === "path")
          .map((q) => q.name)
          .sort();
        expect(pathParams, `${op.operationId} path parameters`).toEqual(inTemplate);
        expect(
          Object.keys(op.responses).some((s) => /^[23]/.test(s)),
          `${op.operationId} success`,
        ).toBe(true);
      }
    }
    const upload = doc.paths["/api/v1/artifacts"]!.post as unknown as { security: unknown[]; responses: Record<string, unknown> };
    expect(upload.security).toEqual([{ apiKey: [] }, { session: [] }]);
    expect(Object.keys(upload.responses)).toEqual(expect.arrayContaining(["201", "400", "401", "409", "412", "413", "503"]));
  });

  it("describes every error with the one error shape and its codes", () => {
    const components = (doc as unknown as { components: { schemas: Record<string, { properties?: Record<string, unknown> }> } }).components;
    expect(components.schemas.Error).toBeDefined();
    const quota = JSON.stringify(doc.paths["/api/v1/artifacts"]!.post!.responses["409"]);
    expect(quota).toContain("ARTIFACT_QUOTA_EXCEEDED");
    expect(quota).toContain("#/components/schemas/Error");
  });

  it("has an example for every parameter, JSON body and JSON response, each one its operation's schema accepts", () => {
    type TContent = Record<string, { example?: unknown }>;
    type TDocOp = {
      parameters?: { name: string; in: string; example?: unknown }[];
      requestBody?: { content: TContent };
      responses: Record<string, { content?: TContent }>;
    };
    const paths = doc.paths as unknown as Record<string, Record<string, TDocOp>>;
    for (const op of API_OPERATIONS) {
      const documentedOp = paths[op.path]![op.method.toLowerCase()]!;
      for (const p of documentedOp.parameters ?? []) {
        if (p.in === "header" || p.name.includes("{")) continue;
        const field = (p.in === "path" ? op.params : op.query)!.shape[p.name] as z.ZodType;
        expect(p.example, `${op.id} ${p.name}`).toBeDefined();
        expect(field.safeParse(p.example).success, `${op.id} ${p.name}: ${JSON.stringify(p.example)}`).toBe(true);
      }
      if (op.body?.json) {
        const example = documentedOp.requestBody!.content["application/json"]!.example;
        const parsed = op.body.json.safeParse(example);
        expect(parsed.success, `${op.id} body: ${JSON.stringify(example)} ${parsed.error?.message}`).toBe(true);
      }
      for (const [status, response] of Object.entries(op.responses)) {
        if (!response.schema) continue;
        const example = documentedOp.responses[status]!.content!["application/json"]!.example;
        const parsed = response.schema.safeParse(example);
        expect(parsed.success, `${op.id} ${status}: ${JSON.stringify(example)} ${parsed.error?.message}`).toBe(true);
      }
      for (const [status, response] of Object.entries(documentedOp.responses)) {
        const example = response.content?.["application/json"]?.example as { error?: { code: string } } | undefined;
        if (Number(status) < 400 || !example?.error) continue;
        // A failed If-Match / If-None-Match is the one code answered with another status (412).
        const expected = status === "412" ? "ARTIFACT_VERSION_CONFLICT" : example.error.code;
        expect(example.error.code, `${op.id} ${status}`).toBe(expected);
        if (status !== "412") expect(ERROR_STATUS[example.error.code as ErrorCode], `${op.id} ${status}`).toBe(Number(status));
      }
    }
  });
});
