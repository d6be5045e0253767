import { readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { API_OPERATIONS } from "../../lib/api-contract/index.ts";
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
});
