import { beforeAll, describe, expect, inject, it } from "vitest";
import { getVersionOp } from "../../lib/api-contract/artifacts.ts";
import { VERSION_INFO_MAX_CHARS } from "../../lib/api-contract/common.ts";
import { Stowage } from "../../packages/client/src/index.ts";
import { StowageArtifactService } from "../../packages/client/src/adk/index.ts";
import { createAgent, uniq } from "../support/api.ts";

type TAgent = Awaited<ReturnType<typeof createAgent>>;

const versionInfo = (headers: Headers) => {
  const info = headers.get("stowage-version-info");
  return info === null ? null : JSON.parse(Buffer.from(info, "base64url").toString("utf8"));
};

// GET /api/v1/artifacts/lookup/content: clients know names, so one request finds and reads a
// version and says which one it was (the S3 side is in sdk-s3.test.ts).
describe("a version's bytes by namespace, session and name", () => {
  let alice: TAgent;
  let bob: TAgent;
  const session = uniq("chat");
  const name = `${uniq("by-name")}/notes.md`;
  let inSession: { id: string; versions: any[] };
  let outside: { id: string };

  const byName = (agent: TAgent, query: Record<string, string>, init: RequestInit = {}) =>
    agent.client.request(`/api/v1/artifacts/lookup/content?${new URLSearchParams(query)}`, init);
  const publish = async (fields: Record<string, string>, content: string) => {
    const res = await alice.client.upload({ namespace: alice.namespace, name, ...fields }, content, { contentType: "text/markdown" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    alice = await createAgent();
    bob = await createAgent();
    const v0 = await publish({ sessionId: session, metadata: JSON.stringify({ step: 0 }) }, "# zero\n");
    const v1 = await publish({ sessionId: session, metadata: JSON.stringify({ step: 1 }) }, "# one\n");
    inSession = { id: v0.artifact.id, versions: [v0.version, v1.version] };
    outside = { id: (await publish({}, "# outside\n")).artifact.id };
  });

  it("answers the latest or a given version with the headers of GET …/content and the version it is", async () => {
    const latest = await byName(alice, { namespace: alice.namespace, sessionId: session, name });
    expect(latest.status).toBe(200);
    expect(await latest.text()).toBe("# one\n");
    expect(latest.headers.get("etag")).toBe(`"${inSession.versions[1].sha256}"`);
    expect(latest.headers.get("content-type")).toBe("text/markdown");
    expect(latest.headers.get("stowage-artifact-id")).toBe(inSession.id);
    expect(latest.headers.get("stowage-version")).toBe("1");
    const described = versionInfo(latest.headers);
    const asked = await alice.client.json(`/api/v1/artifacts/${inSession.id}/versions/1`);
    expect(described).toEqual(asked.body.version);
    getVersionOp.responses[200]!.schema!.parse({ version: described });

    const first = await byName(
      alice,
      { namespace: alice.namespace, sessionId: session, name, version: "0" },
      { headers: { Range: "bytes=2-5" } },
    );
    expect(first.status).toBe(206);
    expect(await first.text()).toBe("zero");
    expect(versionInfo(first.headers)).toMatchObject({ version: 0, metadata: { step: 0 } });

    const head = await byName(alice, { namespace: alice.namespace, name }, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("stowage-artifact-id")).toBe(outside.id);
    expect(head.headers.get("content-length")).toBe(String("# outside\n".length));

    // The keyed download by id says the same.
    const byId = await alice.client.request(`/api/v1/artifacts/${inSession.id}/content?version=0`);
    await byId.arrayBuffer();
    expect(versionInfo(byId.headers)).toEqual(inSession.versions[0]);
  });

  it("answers 404 for no such artifact, session or version, 400 for bad input, and hides other namespaces", async () => {
    const expectError = async (res: Response, status: number, code: string) => {
      expect(res.status).toBe(status);
      expect((await res.json()).error.code).toBe(code);
    };
    await expectError(await byName(alice, { namespace: alice.namespace, name: "nope.md" }), 404, "ARTIFACT_NOT_FOUND");
    await expectError(await byName(alice, { namespace: alice.namespace, sessionId: "other", name }), 404, "ARTIFACT_NOT_FOUND");
    await expectError(
      await byName(alice, { namespace: alice.namespace, sessionId: session, name, version: "7" }),
      404,
      "ARTIFACT_NOT_FOUND",
    );
    await expectError(await byName(alice, { namespace: alice.namespace, name, version: "-1" }), 400, "ARTIFACT_VALIDATION_FAILED");
    await expectError(await byName(alice, { namespace: alice.namespace }), 400, "ARTIFACT_VALIDATION_FAILED");
    await expectError(await byName(alice, { namespace: alice.namespace, name: "../x" }), 400, "ARTIFACT_VALIDATION_FAILED");
    await expectError(await byName(alice, { namespace: alice.namespace, name, extra: "1" }), 400, "ARTIFACT_VALIDATION_FAILED");
    const denied = await byName(bob, { namespace: alice.namespace, name });
    expect([403, 404]).toContain(denied.status);
    expect(await denied.text()).not.toContain("outside");
    expect((await fetch(`${inject("baseUrl")}/api/v1/artifacts/lookup/content?namespace=${alice.namespace}&name=${name}`)).status).toBe(
      401,
    );
  });

  it("records a read carrying a run, and leaves out version info too large for a header", async () => {
    const run = uniq("run");
    const read = await byName(alice, { namespace: alice.namespace, sessionId: session, name, runId: run });
    await read.arrayBuffer();
    const inputs = await alice.client.json(`/api/v1/runs/${run}/inputs?namespace=${alice.namespace}`);
    expect(inputs.body.inputs.map((i: any) => [i.artifactId, i.version])).toEqual([[inSession.id, 1]]);

    const bigName = `${uniq("big-metadata")}.txt`;
    const metadata = { notes: "n".repeat(VERSION_INFO_MAX_CHARS) };
    const form = new FormData();
    form.set("namespace", alice.namespace);
    form.set("name", bigName);
    form.set("metadata", JSON.stringify(metadata));
    form.set("file", new Blob(["big"]), bigName);
    expect((await alice.client.json("/api/v1/artifacts", { method: "POST", body: form })).status).toBe(201);
    const big = await byName(alice, { namespace: alice.namespace, name: bigName });
    expect(await big.text()).toBe("big");
    expect(big.headers.get("stowage-version")).toBe("0");
    expect(big.headers.get("stowage-version-info")).toBeNull();
  });

  it("the SDK downloads by key, and ADK's loadArtifact is one request", async () => {
    const requests: string[] = [];
    const options = {
      url: inject("baseUrl"),
      apiKey: alice.key,
      fetch: (input: string | URL | Request, init?: RequestInit) => {
        requests.push(String(input));
        return fetch(input, init);
      },
    };
    const stowage = new Stowage(options);
    const body = await stowage.artifacts.download({ namespace: alice.namespace, sessionId: session, name });
    expect(await body.text()).toBe("# one\n");
    expect(body.version).toEqual(inSession.versions[1]);
    expect(requests).toHaveLength(1);

    const adk = new StowageArtifactService({ ...options, namespace: alice.namespace });
    const ids = { appName: "notes-app", userId: "u1", sessionId: "s1" };
    await adk.saveArtifact({ ...ids, filename: "plan.md", artifact: { text: "first plan" }, customMetadata: { by: "planner" } });
    await adk.saveArtifact({
      ...ids,
      filename: "plan.md",
      artifact: { inlineData: { data: Buffer.from([0, 1, 2, 255]).toString("base64"), mimeType: "application/octet-stream" } },
    });
    requests.length = 0;
    expect(await adk.loadArtifact({ ...ids, filename: "plan.md" })).toEqual({
      inlineData: { data: Buffer.from([0, 1, 2, 255]).toString("base64"), mimeType: "application/octet-stream" },
    });
    expect(requests).toHaveLength(1);
    requests.length = 0;
    expect(await adk.loadArtifact({ ...ids, filename: "plan.md", version: 0 })).toEqual({ text: "first plan" });
    expect(requests).toHaveLength(1);
    expect(await adk.loadArtifact({ ...ids, filename: "plan.md", version: 5 })).toBeUndefined();
    expect(await adk.loadArtifact({ ...ids, filename: "missing.md" })).toBeUndefined();

    // Metadata too large for a header: the version is asked for apart, and the Part is the same.
    const big = { notes: "n".repeat(VERSION_INFO_MAX_CHARS) };
    await adk.saveArtifact({ ...ids, filename: "big.md", artifact: { text: "big plan" }, customMetadata: big });
    expect(await adk.loadArtifact({ ...ids, filename: "big.md" })).toEqual({ text: "big plan" });
    expect((await adk.getArtifactVersion({ ...ids, filename: "big.md" }))?.customMetadata).toEqual(big);
  });
});
