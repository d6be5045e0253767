import { beforeAll, describe, expect, it } from "vitest";
import { getVersionLineageOp, listRunInputsOp } from "../../lib/api-contract/lineage.ts";
import { Stowage, StowageError } from "../../packages/client/src/index.ts";
import { createAgent, uniq } from "../support/api.ts";

type TAgent = Awaited<ReturnType<typeof createAgent>>;

const lineageOf = async (agent: TAgent, id: string, version: number) => {
  const res = await agent.client.json(`/api/v1/artifacts/${id}/versions/${version}/lineage`);
  if (res.status === 200) getVersionLineageOp.responses[200]!.schema!.parse(res.body);
  return res;
};
const inputsOf = async (agent: TAgent, run: string, query = "") => {
  const res = await agent.client.json(`/api/v1/runs/${run}/inputs?namespace=${encodeURIComponent(agent.namespace)}${query}`);
  if (res.status === 200) listRunInputsOp.responses[200]!.schema!.parse(res.body);
  return res;
};

describe("lineage", () => {
  let alice: TAgent;
  let bob: TAgent;
  const publish = async (agent: TAgent, name: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}) => {
    const res = await agent.client.upload({ namespace: agent.namespace, name, ...fields }, `${name} ${uniq("bytes")}`, { headers });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.artifact.id as string, version: res.body.version.version as number };
  };

  beforeAll(async () => {
    alice = await createAgent();
    bob = await createAgent();
  });

  it("records who, which run, tool and model produced a version, from fields or headers", async () => {
    const fromHeaders = await publish(
      alice,
      "h.txt",
      {},
      { "X-Stowage-Run": "run-h", "X-Stowage-Tool": "tool/1.0", "X-Stowage-Model": "m-1" },
    );
    const answer = (await lineageOf(alice, fromHeaders.id, 0)).body;
    expect(answer.producedBy).toMatchObject({ run: "run-h", identity: alice.name, tool: "tool/1.0", model: "m-1" });
    expect(answer.derivedFrom).toEqual([]);

    // A field wins over its header.
    const both = await publish(
      alice,
      "f.txt",
      { tool: "field-tool", runId: "run-f" },
      { "X-Stowage-Tool": "header-tool", "X-Stowage-Run": "run-x" },
    );
    expect((await lineageOf(alice, both.id, 0)).body.producedBy).toMatchObject({ run: "run-f", tool: "field-tool", model: null });

    const form = new FormData();
    form.set("namespace", alice.namespace);
    form.set("model", "claude (test)");
    form.set("file", new Blob(["multipart"]), "m.txt");
    const multipart = await alice.client.json("/api/v1/artifacts", { method: "POST", body: form });
    expect(multipart.status).toBe(201);
    expect((await lineageOf(alice, multipart.body.artifact.id, 0)).body.producedBy.model).toBe("claude (test)");

    for (const bad of [{ tool: "" }, { tool: "x".repeat(129) }, { model: "bad\u0001name" }, { tool: "-leading" }] as Record<
      string,
      string
    >[]) {
      const res = await alice.client.upload({ namespace: alice.namespace, name: uniq("bad"), ...bad }, "x");
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("ARTIFACT_VALIDATION_FAILED");
    }
  });

  it("validates derivedFrom: missing, unreadable and too many inputs publish nothing", async () => {
    const input = await publish(alice, "input.csv");
    const secret = await publish(bob, "secret.csv");
    const name = uniq("derived");
    const tryPublish = (derivedFrom: unknown) =>
      alice.client.upload({ namespace: alice.namespace, name, derivedFrom: JSON.stringify(derivedFrom) }, "derived");
    for (const derivedFrom of [
      [{ artifactId: input.id, version: 7 }],
      [{ artifactId: "nope0000000000000000000000", version: 0 }],
      [{ artifactId: secret.id, version: 0 }],
      Array.from({ length: 101 }, (_, i) => ({ artifactId: input.id, version: i })),
      [{ artifactId: input.id }],
      { artifactId: input.id, version: 0 },
    ]) {
      const res = await tryPublish(derivedFrom);
      expect(res.status, JSON.stringify(derivedFrom).slice(0, 80)).toBe(400);
      expect(res.body.error.code).toBe("ARTIFACT_VALIDATION_FAILED");
      expect(res.body.error.field).toBe("derivedFrom");
    }
    // A missing input and an unreadable one get the same answer.
    const missing = await tryPublish([{ artifactId: "nope0000000000000000000000", version: 0 }]);
    const unreadable = await tryPublish([{ artifactId: secret.id, version: 0 }]);
    expect(unreadable.body.error.message.replace(secret.id, "X")).toBe(
      missing.body.error.message.replace("nope0000000000000000000000", "X"),
    );
    const lookup = await alice.client.json(`/api/v1/artifacts/lookup?namespace=${encodeURIComponent(alice.namespace)}&name=${name}`);
    expect(lookup.status).toBe(404);

    // Direct uploads check their inputs when they start.
    const start = await alice.client.json("/api/v1/uploads", {
      method: "POST",
      json: { namespace: alice.namespace, name, size: 10, derivedFrom: [{ artifactId: secret.id, version: 0 }] },
    });
    expect(start.status).toBe(400);
    expect(start.body.error.field).toBe("derivedFrom");
  });

  it("answers a version's inputs and the runs that read it, and drops a deleted input", async () => {
    const a = await publish(alice, "a.csv");
    const b = await publish(alice, "b.csv");
    const derived = await publish(alice, "derived.md", {
      runId: "run-d",
      derivedFrom: JSON.stringify([
        { artifactId: a.id, version: 0 },
        { artifactId: b.id, version: 0 },
        { artifactId: a.id, version: 0 },
      ]),
    });
    let answer = (await lineageOf(alice, derived.id, 0)).body;
    expect(answer.derivedFrom.map((d: any) => [d.name, d.version, d.namespace]).sort()).toEqual([
      ["a.csv", 0, alice.namespace],
      ["b.csv", 0, alice.namespace],
    ]);

    const readBy = uniq("reader");
    expect((await alice.client.request(`/api/v1/artifacts/${derived.id}/content`, { headers: { "X-Stowage-Run": readBy } })).status).toBe(
      200,
    );
    answer = (await lineageOf(alice, derived.id, 0)).body;
    expect(answer.readBy).toEqual([expect.objectContaining({ runId: readBy, namespace: alice.namespace })]);

    expect((await alice.client.request(`/api/v1/artifacts/${b.id}`, { method: "DELETE" })).status).toBe(204);
    answer = (await lineageOf(alice, derived.id, 0)).body;
    expect(answer.derivedFrom.map((d: any) => d.name)).toEqual(["a.csv"]);
    expect((await lineageOf(alice, derived.id, 5)).status).toBe(404);
  });

  it("records reads carrying a run (header or query), once per version, as the run's inputs, newest first", async () => {
    const run = uniq("run");
    const x = await publish(alice, "x.txt");
    const y = await publish(alice, "y.txt");
    const y1 = await publish(alice, "y.txt");
    const get = (path: string, headers: Record<string, string> = {}) =>
      alice.client.request(path, { headers }).then(async (r) => (await r.arrayBuffer(), r.status));

    expect(await get(`/api/v1/artifacts/${x.id}/content`, { "X-Stowage-Run": run })).toBe(200);
    expect(await get(`/api/v1/artifacts/${x.id}/content?runId=${run}`)).toBe(200);
    expect(await get(`/api/v1/artifacts/${x.id}/content`, { "X-Stowage-Run": run, Range: "bytes=0-1" })).toBe(206);
    expect(await get(`/api/v1/artifacts/${y.id}/content?version=0&runId=${run}`)).toBe(200);
    expect(await get(`/api/v1/artifacts/${y1.id}/content?runId=${run}`)).toBe(200);
    // HEAD hands out nothing and is not a read; a run id that is not one is refused before the bytes.
    expect((await alice.client.request(`/api/v1/artifacts/${x.id}/content?runId=${uniq("head")}`, { method: "HEAD" })).status).toBe(200);
    expect(await get(`/api/v1/artifacts/${x.id}/content`, { "X-Stowage-Run": "r".repeat(256) })).toBe(400);

    const page1 = await inputsOf(alice, run, "&limit=2");
    expect(page1.status).toBe(200);
    expect(page1.body.run).toMatchObject({ id: run, namespace: alice.namespace, sessionId: null });
    expect(page1.body.inputs.map((i: any) => [i.name, i.version])).toEqual([
      ["y.txt", 1],
      ["y.txt", 0],
    ]);
    const page2 = await inputsOf(alice, run, `&limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.inputs.map((i: any) => [i.name, i.version])).toEqual([["x.txt", 0]]);
    expect(page2.body.nextCursor).toBeNull();

    expect((await inputsOf(alice, uniq("never"))).status).toBe(404);
    expect((await alice.client.json(`/api/v1/runs/${run}/inputs`)).status).toBe(400);
    expect((await inputsOf(alice, run, "&cursor=garbage!")).status).toBe(400);
  });

  it("records the model-sized reads too: text, grep and diff with a run (header or query) are the run's inputs", async () => {
    const run = uniq("reader");
    const notes = uniq("notes") + ".txt";
    const n0 = await publish(alice, notes);
    await publish(alice, notes);
    const log = await publish(alice, uniq("log") + ".txt");
    const ok = async (path: string, headers: Record<string, string> = {}) =>
      expect((await alice.client.json(path, { headers })).status).toBe(200);
    await ok(`/api/v1/artifacts/${log.id}/text?limit=1`, { "X-Stowage-Run": run });
    await ok(`/api/v1/artifacts/${log.id}/grep?pattern=bytes&runId=${run}`);
    await ok(`/api/v1/artifacts/${n0.id}/diff?runId=${run}`);
    // Without a run nothing is recorded; a malformed run id is refused before anything is read.
    await ok(`/api/v1/artifacts/${n0.id}/text`);
    expect((await alice.client.json(`/api/v1/artifacts/${n0.id}/text`, { headers: { "X-Stowage-Run": "r".repeat(256) } })).status).toBe(
      400,
    );

    const inputs = (await inputsOf(alice, run)).body.inputs.map((i: any) => [i.artifactId, i.version]);
    expect(inputs.sort()).toEqual(
      [
        [log.id, 0],
        [n0.id, 0],
        [n0.id, 1],
      ].sort(),
    );
    const readBy = (await lineageOf(alice, n0.id, 1)).body.readBy.map((r: any) => r.runId);
    expect(readBy).toContain(run);
  });

  it("shows only what the caller can read", async () => {
    const mine = await publish(alice, "mine.txt");
    const shared = await publish(alice, "shared.txt");
    const run = uniq("run");
    await alice.client.request(`/api/v1/artifacts/${shared.id}/content?runId=${run}`).then((r) => r.arrayBuffer());
    const derived = await publish(alice, "out.txt", {
      derivedFrom: JSON.stringify([
        { artifactId: mine.id, version: 0 },
        { artifactId: shared.id, version: 0 },
      ]),
    });
    expect((await lineageOf(bob, derived.id, 0)).status).toBe(404);
    expect((await bob.client.json(`/api/v1/runs/${run}/inputs?namespace=${encodeURIComponent(alice.namespace)}`)).status).toBe(403);

    // Shared with bob: he sees the version, its readable inputs (only the shared one) and no runs.
    for (const id of [derived.id, shared.id]) {
      expect((await alice.client.json(`/api/v1/artifacts/${id}/shares`, { method: "POST", json: { identity: bob.name } })).status).toBe(
        201,
      );
    }
    const seen = (await lineageOf(bob, derived.id, 0)).body;
    expect(seen.derivedFrom.map((d: any) => d.name)).toEqual(["shared.txt"]);
    expect((await lineageOf(bob, shared.id, 0)).body.readBy).toEqual([]);
    expect((await lineageOf(alice, shared.id, 0)).body.readBy.map((r: any) => r.runId)).toEqual([run]);

    // Bob can derive from what was shared with him, not from alice's other files.
    expect(
      (
        await bob.client.upload(
          { namespace: bob.namespace, name: "b.txt", derivedFrom: JSON.stringify([{ artifactId: shared.id, version: 0 }]) },
          "b",
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await bob.client.upload(
          { namespace: bob.namespace, name: "c.txt", derivedFrom: JSON.stringify([{ artifactId: mine.id, version: 0 }]) },
          "c",
        )
      ).status,
    ).toBe(400);
  });

  it("SDK: a client's runId, tool and model go with every request; publish takes derivedFrom", async () => {
    const run = uniq("sdk-run");
    const stowage = new Stowage({ url: alice.client.baseUrl, apiKey: alice.key, runId: run, tool: "sdk-test", model: "model-x" });
    const input = await stowage.publish("input", { namespace: alice.namespace, name: uniq("sdk-in") });
    await (await stowage.artifacts.download(input.artifact.id)).text();
    const output = await stowage.publish("output", {
      namespace: alice.namespace,
      name: uniq("sdk-out"),
      derivedFrom: [{ artifactId: input.artifact.id, version: 0 }],
    });
    expect(output.version.runId).toBe(run);
    const lineage = await stowage.artifacts.lineage(output.artifact.id, 0);
    expect(lineage.producedBy).toMatchObject({ run, tool: "sdk-test", model: "model-x", identity: alice.name });
    expect(lineage.derivedFrom.map((d) => d.artifactId)).toEqual([input.artifact.id]);
    const inputs = [];
    for await (const i of stowage.runs.inputs(run, { namespace: alice.namespace })) inputs.push(i);
    expect(inputs.map((i) => i.artifactId)).toEqual([input.artifact.id]);
    expect((await stowage.artifacts.lineage(input.artifact.id, 0)).readBy.map((r) => r.runId)).toEqual([run]);

    const other = await stowage
      .publish("x", { namespace: alice.namespace, name: uniq("sdk-bad"), derivedFrom: [{ artifactId: input.artifact.id, version: 9 }] })
      .catch((error: unknown) => error);
    expect(other).toBeInstanceOf(StowageError);
    expect((other as StowageError).code).toBe("ARTIFACT_VALIDATION_FAILED");
  });
});
