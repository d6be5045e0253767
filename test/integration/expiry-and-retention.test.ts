import { describe, expect, it } from "vitest";
import { clientFor, createAgent, uniq, type TClient } from "../support/api.ts";
import { ownServer } from "../support/own-server.ts";
import { waitFor } from "../support/wait-for.ts";

const DAY = 86_400_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("expiry over HTTP", () => {
  const own = ownServer("expiry");

  it("an expired artifact disappears from every API at once; the next sweep removes its rows and bytes and gives back exactly its bytes", async () => {
    const side = await own.start();
    const agent = await createAgent(uniq("exp"), {}, side.admin);
    const ns = agent.namespace;
    const c: TClient = agent.client;
    const live = await c.upload({ namespace: ns, name: "live.txt", sessionId: "s", runId: "r" }, "live!");
    expect(live.status).toBe(201);
    const expiresAt = new Date(Date.now() + 4_000).toISOString();
    const doomed = await c.upload(
      { namespace: ns, name: "doomed.csv", sessionId: "s", runId: "r", tags: "t", metadata: '{"k":"v"}', expiresAt },
      "a,b\n1,2\n",
    );
    expect(doomed.status).toBe(201);
    const id = doomed.body.artifact.id as string;
    expect((await c.upload({ namespace: ns, name: "doomed.csv", sessionId: "s" }, "a,b\n3,4\n5,6\n")).status).toBe(201);
    const share = await c.json(`/api/v1/artifacts/${id}/share`, { method: "POST", json: { version: 0, expiresIn: 600 } });
    expect(share.status).toBe(201);
    expect((await c.request(`/api/v1/artifacts/${id}/content`)).status).toBe(200);
    const usageBefore = (await c.json(`/api/v1/namespaces/${ns}/usage`)).body;
    expect(usageBefore).toMatchObject({ usedBytes: 5 + 8 + 12, artifactCount: 2, versionCount: 3 });

    await sleep(Date.parse(expiresAt) - Date.now() + 250);

    for (const p of [
      `/api/v1/artifacts/${id}`,
      `/api/v1/artifacts/${id}/content`,
      `/api/v1/artifacts/${id}/content?version=0`,
      `/api/v1/artifacts/${id}/versions`,
      `/api/v1/artifacts/${id}/versions/1`,
      `/api/v1/artifacts/${id}/url`,
    ]) {
      const res = await c.json(p);
      expect(res.status, p).toBe(404);
      expect(res.body.error.code, p).toBe("ARTIFACT_NOT_FOUND");
    }
    expect((await c.request(`/api/v1/artifacts/${id}/content`, { method: "HEAD" })).status).toBe(404);
    expect((await c.json(`/api/v1/artifacts/${id}`, { method: "PATCH", json: { expiresAt: null } })).status).toBe(404);
    expect((await c.json(`/api/v1/artifacts/${id}/share`, { method: "POST", json: {} })).status).toBe(404);
    expect((await fetch(share.body.url)).status).toBe(404);
    const listed = async (query: string) =>
      (await c.json(`/api/v1/artifacts?${query}`)).body.artifacts.map((a: { name: string }) => a.name);
    expect(await listed(`namespace=${ns}`)).toEqual(["live.txt"]);
    expect(await listed(`namespace=${ns}&tag=t`)).toEqual([]);
    expect(await listed(`namespace=${ns}&metadata.k=v`)).toEqual([]);
    expect((await c.json(`/api/v1/runs/r/artifacts?namespace=${ns}`)).body.artifacts.map((a: { name: string }) => a.name)).toEqual([
      "live.txt",
    ]);
    expect((await c.json(`/api/v1/sessions/s/artifacts?namespace=${ns}`)).body.artifacts.map((a: { name: string }) => a.name)).toEqual([
      "live.txt",
    ]);
    // Counts agree with the listings; the bytes stay charged until the sweep has deleted them.
    expect((await c.json(`/api/v1/namespaces/${ns}/usage`)).body).toMatchObject({
      usedBytes: usageBefore.usedBytes,
      artifactCount: 1,
      versionCount: 1,
    });

    // Nothing swept yet: the rows and the bytes are still there.
    const keys = (await own.sql<{ storageKey: string }>(`SELECT "storageKey" FROM "ArtifactVersion" WHERE "artifactId" = $1`, [id])).map(
      (r) => r.storageKey,
    );
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(await own.versionFiles()).toContain(key);

    // A start sweeps (as every ARTIFACT_GC_INTERVAL_MINUTES does).
    const restarted = await own.start();
    await waitFor("the sweep", async () => (await own.sql(`SELECT "id" FROM "Artifact" WHERE "id" = $1`, [id])).length === 0, {
      everyMs: 200,
    });
    await waitFor("the blob deletes", async () => (await own.sql(`SELECT "id" FROM "PendingBlobDelete"`)).length === 0);
    const files = await own.versionFiles();
    for (const key of keys) expect(files).not.toContain(key);
    expect(await own.sql(`SELECT "id" FROM "ArtifactVersion" WHERE "artifactId" = $1`, [id])).toEqual([]);
    const again = clientFor(restarted.server.baseUrl, agent.key);
    const after = (await again.json(`/api/v1/namespaces/${ns}/usage`)).body;
    expect(after).toMatchObject({ usedBytes: usageBefore.usedBytes - 8 - 12, artifactCount: 1, versionCount: 1 });
    expect(await (await again.request(`/api/v1/artifacts/${live.body.artifact.id}/content`)).text()).toBe("live!");
    const [total] = await own.sql<{ sum: number | string }>(`SELECT SUM("sizeBytes") AS "sum" FROM "ArtifactVersion"`);
    expect(Number(total!.sum)).toBe(after.usedBytes);
    // The log line comes through a pipe and may trail the sweep's last write.
    await waitFor("the sweep's log line", async () =>
      restarted.server.output().includes("removed 1 expired artifact(s) (2 version(s), 20 bytes)"),
    );
  });
});

describe("retention over HTTP", () => {
  const own = ownServer("expiry");

  it("ARTIFACT_RETENTION_DAYS sets retainUntil; an admin's override applies at once, both ways", async () => {
    const side = await own.start({ ARTIFACT_RETENTION_DAYS: "30" });
    const agent = await createAgent(uniq("ret"), {}, side.admin);
    const ns = agent.namespace;
    const c = agent.client;
    const old = await c.upload({ namespace: ns, name: "old.txt" }, "old");
    const recent = await c.upload({ namespace: ns, name: "recent.txt" }, "recent");
    for (const r of [old, recent]) {
      expect(r.status).toBe(201);
      expect(Date.parse(r.body.artifact.retainUntil)).toBe(Date.parse(r.body.artifact.updatedAt) + 30 * DAY);
    }
    // As if it had been stored 10 days ago.
    await own.sql(`UPDATE "Artifact" SET "updatedAt" = $1 WHERE "id" = $2`, [
      own.time(new Date(Date.now() - 10 * DAY)),
      old.body.artifact.id,
    ]);
    const names = async () =>
      (await c.json(`/api/v1/artifacts?namespace=${ns}`)).body.artifacts.map((a: { name: string }) => a.name).sort();
    expect(await names()).toEqual(["old.txt", "recent.txt"]);

    const shortened = await side.admin.json(`/api/v1/namespaces/${ns}`, { method: "PATCH", json: { retentionDays: 5 } });
    expect(shortened.status).toBe(200);
    expect(shortened.body).toMatchObject({ retentionDays: 5, artifactCount: 1 });
    expect(await names()).toEqual(["recent.txt"]);
    expect((await c.json(`/api/v1/artifacts/${old.body.artifact.id}`)).status).toBe(404);
    const kept = (await c.json(`/api/v1/artifacts/${recent.body.artifact.id}`)).body;
    expect(Date.parse(kept.retainUntil)).toBe(Date.parse(kept.updatedAt) + 5 * DAY);

    // Out of range: a 400, and nothing changed.
    for (const bad of [0, 36_501, 2.5]) {
      const refused = await side.admin.json(`/api/v1/namespaces/${ns}`, { method: "PATCH", json: { retentionDays: bad } });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe("ARTIFACT_VALIDATION_FAILED");
    }
    expect(await names()).toEqual(["recent.txt"]);

    // Not swept yet, so back to the default of 30 days brings it back.
    expect((await side.admin.json(`/api/v1/namespaces/${ns}`, { method: "PATCH", json: { retentionDays: null } })).body).toMatchObject({
      retentionDays: null,
      artifactCount: 2,
    });
    expect(await names()).toEqual(["old.txt", "recent.txt"]);
  });
});
