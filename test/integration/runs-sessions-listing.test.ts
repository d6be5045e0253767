import { describe, expect, it, beforeAll } from "vitest";
import { createAgent, uniq } from "../support/api.ts";

describe("runs, sessions and listing", () => {
  let agent: Awaited<ReturnType<typeof createAgent>>;
  const session = uniq("session");
  const runA = uniq("run-a");
  const runB = uniq("run-b");
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    agent = await createAgent();
    const ns = agent.namespace;
    const up = async (key: string, fields: Record<string, string>, body: string) => {
      const r = await agent.client.upload({ namespace: ns, ...fields }, body);
      if (r.status !== 201) throw new Error(JSON.stringify(r.body));
      ids[key] = r.body.artifact.id;
    };
    await up("plan", { name: "plan.md", sessionId: session, runId: runA }, "v0 by run A");
    await up("plan", { name: "plan.md", sessionId: session, runId: runB }, "v1 by run B");
    await up("scores", { name: "eval/scores.csv", sessionId: session, runId: runB, tags: "eval", metadata: '{"model":"m1"}' }, "a,b");
    await up("global", { name: "eval/global.csv", runId: runA, tags: "eval,global" }, "namespace-level, published by run A");
    await up("other", { name: "other.txt", sessionId: uniq("another-session") }, "unrelated");
  });

  it("lists runs and sessions, newest first, with what each run published", async () => {
    const ns = encodeURIComponent(agent.namespace);
    const runs = await agent.client.json(`/api/v1/runs?namespace=${ns}`);
    expect(runs.status).toBe(200);
    expect(runs.body.runs.map((r: any) => [r.id, r.sessionId, r.artifactCount, r.versionCount])).toEqual([
      [runB, session, 2, 2],
      [runA, session, 2, 2],
    ]);
    const inSession = await agent.client.json(`/api/v1/runs?namespace=${ns}&sessionId=${session}&limit=1`);
    expect(inSession.body.runs.map((r: any) => r.id)).toEqual([runB]);
    const next = await agent.client.json(`/api/v1/runs?namespace=${ns}&sessionId=${session}&limit=1&cursor=${inSession.body.nextCursor}`);
    expect(next.body.runs.map((r: any) => r.id)).toEqual([runA]);
    const sessions = await agent.client.json(`/api/v1/sessions?namespace=${ns}`);
    expect(sessions.body.sessions.map((s: any) => [s.id, s.runCount])).toContainEqual([session, 2]);
    expect((await agent.client.json(`/api/v1/runs?from=tomorrow`)).status).toBe(400);
    expect((await agent.client.json(`/api/v1/runs?sessionId=${session}`)).status).toBe(400);
    expect((await agent.client.json(`/api/v1/sessions?bogus=1`)).status).toBe(400);
    expect((await fetch(`${agent.client.baseUrl}/api/v1/runs`)).status).toBe(401);
  });

  it("shows a run's artifacts with the versions that run published", async () => {
    const a = await agent.client.json(`/api/v1/runs/${runA}/artifacts?namespace=${agent.namespace}`);
    expect(a.status).toBe(200);
    expect(a.body.run).toMatchObject({ id: runA, sessionId: session });
    const byName = Object.fromEntries(a.body.artifacts.map((x: any) => [x.name, x]));
    expect(Object.keys(byName).sort()).toEqual(["eval/global.csv", "plan.md"]);
    expect(byName["plan.md"].runVersions.map((v: any) => v.version)).toEqual([0]);
    expect(byName["plan.md"].latestVersion).toBe(1);

    const b = await agent.client.json(`/api/v1/runs/${runB}/artifacts?namespace=${agent.namespace}`);
    expect(b.body.artifacts.map((x: any) => x.name).sort()).toEqual(["eval/scores.csv", "plan.md"]);
  });

  it("returns an empty list for a run without artifacts, 404 for an unknown run, 400 without namespace", async () => {
    const unknown = await agent.client.json(`/api/v1/runs/${uniq("nope")}/artifacts?namespace=${agent.namespace}`);
    expect(unknown.status).toBe(404);
    const noNs = await agent.client.json(`/api/v1/runs/${runA}/artifacts`);
    expect(noNs.status).toBe(400);
    expect(noNs.body.error.code).toBe("ARTIFACT_VALIDATION_FAILED");
  });

  it("rolls a session up over all its runs", async () => {
    const s = await agent.client.json(`/api/v1/sessions/${session}/artifacts?namespace=${agent.namespace}`);
    expect(s.status).toBe(200);
    expect(s.body.session.runs.map((r: any) => r.id).sort()).toEqual([runA, runB].sort());
    // Session-scoped artifacts plus the namespace-level one run A published; not the other session's.
    expect(s.body.artifacts.map((x: any) => x.name).sort()).toEqual(["eval/global.csv", "eval/scores.csv", "plan.md"]);
  });

  it("filters the list by session, run, tag, name prefix and metadata", async () => {
    const list = async (q: string) =>
      (await agent.client.json(`/api/v1/artifacts?namespace=${agent.namespace}&${q}`)).body.artifacts.map((x: any) => x.name).sort();
    expect(await list(`sessionId=${session}`)).toEqual(["eval/scores.csv", "plan.md"]);
    expect(await list(`runId=${runA}`)).toEqual(["eval/global.csv", "plan.md"]);
    expect(await list("tag=eval")).toEqual(["eval/global.csv", "eval/scores.csv"]);
    expect(await list("tag=global")).toEqual(["eval/global.csv"]);
    expect(await list("name=eval/")).toEqual(["eval/global.csv", "eval/scores.csv"]);
    expect(await list("metadata.model=m1")).toEqual(["eval/scores.csv"]);
    expect(await list("metadata.model=m2")).toEqual([]);
    expect(await list("tag=eval&name=eval/s")).toEqual(["eval/scores.csv"]);
  });

  it("includes each artifact's latest version in the list", async () => {
    const res = await agent.client.json(`/api/v1/artifacts?namespace=${agent.namespace}&name=plan.md`);
    expect(res.body.artifacts).toHaveLength(1);
    expect(res.body.artifacts[0].latest).toMatchObject({ version: 1, runId: runB, sizeBytes: 11 });
  });

  it("paginates newest first with an opaque cursor, each artifact exactly once", async () => {
    const pager = await createAgent();
    const created: string[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await pager.client.upload({ namespace: pager.namespace, name: `item-${i}` }, String(i));
      created.push(r.body.artifact.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: any = await pager.client.json(
        `/api/v1/artifacts?namespace=${pager.namespace}&limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.artifacts.map((a: any) => a.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...created].reverse());
  });

  it("reports namespace usage", async () => {
    const usage = await agent.client.json(`/api/v1/namespaces/${agent.namespace}/usage`);
    expect(usage.status).toBe(200);
    const expectedBytes = ["v0 by run A", "v1 by run B", "a,b", "namespace-level, published by run A", "unrelated"].reduce(
      (n, s) => n + s.length,
      0,
    );
    expect(usage.body).toMatchObject({ namespace: agent.namespace, usedBytes: expectedBytes, artifactCount: 4, versionCount: 5 });
    expect(usage.body.quotaBytes).toBeGreaterThan(0);
  });

  it("updates tags and expiry with PATCH; an expired artifact disappears from every read", async () => {
    const up = await agent.client.upload({ namespace: agent.namespace, name: uniq("patch") }, "x");
    const id = up.body.artifact.id;
    const patched = await agent.client.json(`/api/v1/artifacts/${id}`, {
      method: "PATCH",
      json: { tags: ["b", "a"], expiresAt: "2099-01-01T00:00:00Z" },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.artifact).toMatchObject({ tags: ["a", "b"], expiresAt: "2099-01-01T00:00:00.000Z" });
    const cleared = await agent.client.json(`/api/v1/artifacts/${id}`, { method: "PATCH", json: { expiresAt: null } });
    expect(cleared.body.artifact.expiresAt).toBeNull();
    expect(cleared.body.artifact.tags).toEqual(["a", "b"]);

    // Expiry one second out, then wait it out: the artifact must vanish from every read at once.
    const soon = new Date(Date.now() + 1500).toISOString();
    expect((await agent.client.json(`/api/v1/artifacts/${id}`, { method: "PATCH", json: { expiresAt: soon } })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2000));
    expect((await agent.client.json(`/api/v1/artifacts/${id}`)).status).toBe(404);
    expect((await agent.client.request(`/api/v1/artifacts/${id}/content`)).status).toBe(404);
    expect((await agent.client.json(`/api/v1/artifacts/${id}/versions`)).status).toBe(404);
    const listed = await agent.client.json(`/api/v1/artifacts?namespace=${agent.namespace}&name=patch`);
    expect(listed.body.artifacts.map((a: any) => a.id)).not.toContain(id);
  });

  it("deletes one version, then the whole artifact", async () => {
    const name = uniq("del");
    const v0 = await agent.client.upload({ namespace: agent.namespace, name }, "zero");
    await agent.client.upload({ namespace: agent.namespace, name }, "one");
    const id = v0.body.artifact.id;
    expect((await agent.client.request(`/api/v1/artifacts/${id}/versions/1`, { method: "DELETE" })).status).toBe(204);
    const after = await agent.client.json(`/api/v1/artifacts/${id}`);
    expect(after.body.artifact.latestVersion).toBe(0);
    expect(await (await agent.client.request(`/api/v1/artifacts/${id}/content`)).text()).toBe("zero");
    expect((await agent.client.request(`/api/v1/artifacts/${id}/versions/1`)).status).toBe(404);
    // Numbers are never reused.
    const v2 = await agent.client.upload({ namespace: agent.namespace, name }, "two");
    expect(v2.body.version.version).toBe(2);
    expect((await agent.client.request(`/api/v1/artifacts/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await agent.client.json(`/api/v1/artifacts/${id}`)).status).toBe(404);
  });
});
