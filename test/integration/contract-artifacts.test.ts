import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import * as ops from "../../lib/api-contract/artifacts.ts";
import { api, createAgent, uniq } from "../support/api.ts";
import { conforms, failsWith } from "../support/contract-checks.ts";

describe("the artifacts operations answer as the contract describes", () => {
  let agent: Awaited<ReturnType<typeof createAgent>>;
  beforeAll(async () => {
    agent = await createAgent();
  });

  it("serves a valid OpenAPI 3.1 document without credentials", async () => {
    const res = await api().json("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const result = await new Validator().validate(res.body);
    expect(result.errors ?? []).toEqual([]);
    expect(Object.keys(res.body.paths)).toContain("/api/v1/artifacts/lookup");
  });

  it("publish, get, lookup, list, versions, url, patch and delete, each body as documented", async () => {
    const ns = agent.namespace;
    const session = uniq("s");
    const c = agent.client;
    const first = conforms(
      ops.uploadArtifactOp,
      await c.upload({ namespace: ns, name: "notes/a.md", sessionId: session, tags: "x", metadata: '{"k":1}' }, "one"),
    );
    const second = conforms(ops.uploadArtifactOp, await c.upload({ namespace: ns, name: "notes/a.md", sessionId: session }, "two"));
    expect(second.version.version).toBe(1);
    const outside = conforms(ops.uploadArtifactOp, await c.upload({ namespace: ns, name: "notes/a.md" }, "outside any session"));
    const id = first.artifact.id as string;

    const got = conforms(ops.getArtifactOp, await c.json(`/api/v1/artifacts/${id}`));
    expect(got.artifact.latest.version).toBe(1);

    // The lookup finds exactly the artifact of that (namespace, session, name).
    const q = (p: Record<string, string>) => `/api/v1/artifacts/lookup?${new URLSearchParams(p)}`;
    const inSession = conforms(ops.lookupArtifactOp, await c.json(q({ namespace: ns, name: "notes/a.md", sessionId: session })));
    expect(inSession).toEqual(got);
    const noSession = conforms(ops.lookupArtifactOp, await c.json(q({ namespace: ns, name: "notes/a.md" })));
    expect(noSession.artifact.id).toBe(outside.artifact.id);
    failsWith(await c.json(q({ namespace: ns, name: "notes/missing.md" })), 404, "ARTIFACT_NOT_FOUND");
    failsWith(await c.json(q({ namespace: ns, name: "notes/a.md", sessionId: uniq("other") })), 404, "ARTIFACT_NOT_FOUND");
    failsWith(await c.json(q({ name: "notes/a.md" })), 400, "ARTIFACT_VALIDATION_FAILED");
    failsWith(await c.json(q({ namespace: ns, name: "a", extra: "1" })), 400, "ARTIFACT_VALIDATION_FAILED");
    const stranger = await createAgent();
    failsWith(await stranger.client.json(q({ namespace: ns, name: "notes/a.md" })), 403, "ARTIFACT_NAMESPACE_DENIED");

    const page = conforms(ops.listArtifactsOp, await c.json(`/api/v1/artifacts?namespace=${encodeURIComponent(ns)}&limit=1`));
    expect(page.artifacts).toHaveLength(1);
    expect(page.nextCursor).toEqual(expect.any(String));
    failsWith(await c.json(`/api/v1/artifacts?namespace=${encodeURIComponent(ns)}&limit=0`), 400, "ARTIFACT_VALIDATION_FAILED");

    const versions = conforms(ops.listVersionsOp, await c.json(`/api/v1/artifacts/${id}/versions`));
    expect(versions.versions.map((v: { version: number }) => v.version)).toEqual([1, 0]);
    conforms(ops.getVersionOp, await c.json(`/api/v1/artifacts/${id}/versions/0`));
    failsWith(await c.json(`/api/v1/artifacts/${id}/versions/x`), 400, "ARTIFACT_VALIDATION_FAILED");
    conforms(ops.getDownloadUrlOp, await c.json(`/api/v1/artifacts/${id}/url?version=0`));
    failsWith(await c.json(`/api/v1/artifacts/${id}/content?version=-1`), 400, "ARTIFACT_VALIDATION_FAILED");

    const patched = conforms(ops.updateArtifactOp, await c.json(`/api/v1/artifacts/${id}`, { method: "PATCH", json: { tags: ["y"] } }));
    expect(patched.artifact.tags).toEqual(["y"]);
    failsWith(await c.json(`/api/v1/artifacts/${id}`, { method: "PATCH", json: { color: "red" } }), 400, "ARTIFACT_VALIDATION_FAILED");

    expect((await c.request(`/api/v1/artifacts/${id}/versions/0`, { method: "DELETE" })).status).toBe(204);
    expect((await c.request(`/api/v1/artifacts/${id}`, { method: "DELETE" })).status).toBe(204);
    failsWith(await c.json(q({ namespace: ns, name: "notes/a.md", sessionId: session })), 404, "ARTIFACT_NOT_FOUND");
  });
});
