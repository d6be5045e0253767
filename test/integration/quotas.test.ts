import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { adminApi, createAgent, uniq } from "../support/api.ts";
import { queryRows, runSql } from "../support/db-query.ts";

const root = path.resolve(import.meta.dirname, "../..");

async function teamNamespace(agentName: string) {
  const admin = adminApi();
  const ns = `team:${uniq("quota")}`;
  expect((await admin.json("/api/v1/namespaces", { method: "POST", json: { name: ns } })).status).toBe(201);
  expect(
    (
      await admin.json(`/api/v1/namespaces/${encodeURIComponent(ns)}/grants`, {
        method: "POST",
        json: { identity: agentName, permission: "write" },
      })
    ).status,
  ).toBe(201);
  return ns;
}

/** The sum of the stored version sizes, straight from the database. */
async function storedBytes(namespace: string): Promise<number> {
  const [row] = await queryRows<{ total: string | number | null }>(
    `SELECT SUM(v."sizeBytes") AS "total" FROM "ArtifactVersion" v JOIN "Artifact" a ON a."id" = v."artifactId" JOIN "Namespace" n ON n."id" = a."namespaceId" WHERE n."name" = $1`,
    [namespace],
  );
  return Number(row?.total ?? 0);
}

describe("quotas over HTTP", () => {
  it("200 parallel uploads never take usage past the quota, and usage equals the bytes stored", async () => {
    const agent = await createAgent(uniq("racer"));
    const ns = await teamNamespace(agent.name);
    const size = 1000;
    const quota = 50 * size + 500;
    const admin = adminApi();
    expect(
      (await admin.json(`/api/v1/namespaces/${encodeURIComponent(ns)}`, { method: "PATCH", json: { quotaBytes: quota } })).body.quotaBytes,
    ).toBe(quota);

    // Half declare their length (small ones are charged by the commit's conditional update), half
    // stream it (chunked: quota is held as the bytes arrive).
    const uploads = Array.from({ length: 200 }, (_, i) => {
      const bytes = new Uint8Array(size).fill(i % 256);
      const body = i % 2 === 0 ? bytes : new ReadableStream({ start: (c) => (c.enqueue(bytes), c.close()) });
      return agent.client.request(`/api/v1/artifacts?${new URLSearchParams({ namespace: ns, name: `f-${i}.bin` })}`, {
        method: "POST",
        body: body as BodyInit,
        headers: { "content-type": "application/octet-stream" },
      });
    });
    // Usage sampled while the uploads race.
    let sampling = true;
    const samples: { usedBytes: number; reservedBytes: number }[] = [];
    const sampler = (async () => {
      while (sampling) {
        const u = await agent.client.json(`/api/v1/namespaces/${encodeURIComponent(ns)}/usage`);
        samples.push(u.body);
      }
    })();
    const responses = await Promise.all(uploads);
    sampling = false;
    await sampler;

    const statuses = responses.map((r) => r.status);
    const ok = statuses.filter((s) => s === 201).length;
    expect(ok + statuses.filter((s) => s === 409).length).toBe(200);
    expect(ok).toBeGreaterThan(0);
    expect(ok).toBeLessThanOrEqual(50);
    for (const r of responses.filter((r) => r.status === 409).slice(0, 20)) {
      expect((await r.json()).error).toMatchObject({
        code: "ARTIFACT_QUOTA_EXCEEDED",
        quotaBytes: quota,
        requestedBytes: expect.any(Number),
        usedBytes: expect.any(Number),
      });
    }
    expect(samples.length).toBeGreaterThan(0);
    for (const s of samples) {
      expect(s.usedBytes).toBeLessThanOrEqual(quota);
      expect(s.usedBytes + s.reservedBytes).toBeLessThanOrEqual(quota);
    }
    const final = (await agent.client.json(`/api/v1/namespaces/${encodeURIComponent(ns)}/usage`)).body;
    expect(final).toMatchObject({ usedBytes: ok * size, reservedBytes: 0, versionCount: ok });
    expect(await storedBytes(ns)).toBe(ok * size);
  });

  it("a 409 carries the numbers; deleting gives the space back", async () => {
    const agent = await createAgent(uniq("deleter"));
    const ns = await teamNamespace(agent.name);
    await adminApi().json(`/api/v1/namespaces/${encodeURIComponent(ns)}`, { method: "PATCH", json: { quotaBytes: 1500 } });
    const first = await agent.client.upload({ namespace: ns, name: "a.txt" }, "x".repeat(1000));
    expect(first.status).toBe(201);
    const refused = await agent.client.upload({ namespace: ns, name: "b.txt" }, "x".repeat(800));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "ARTIFACT_QUOTA_EXCEEDED", usedBytes: 1000, quotaBytes: 1500, requestedBytes: 800 });
    expect((await agent.client.json(`/api/v1/artifacts/${first.body.artifact.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await agent.client.json(`/api/v1/namespaces/${encodeURIComponent(ns)}/usage`)).body).toMatchObject({
      usedBytes: 0,
      reservedBytes: 0,
    });
    expect((await agent.client.upload({ namespace: ns, name: "b.txt" }, "x".repeat(800))).status).toBe(201);
  });

  it("quota and retention settings: admins only, bad values refused with nothing changed", async () => {
    const agent = await createAgent(uniq("settings"));
    const ns = encodeURIComponent(agent.namespace);
    expect((await agent.client.json(`/api/v1/namespaces/${ns}`, { method: "PATCH", json: { quotaBytes: 1 } })).status).toBe(403);
    const admin = adminApi();
    for (const bad of [
      { quotaBytes: -5 },
      { quotaBytes: "lots" },
      { quotaBytes: 0.5 },
      { retentionDays: 0 },
      { retentionDays: 100_000 },
      { retentionDays: 7, other: 1 },
      {},
    ]) {
      const res = await admin.json(`/api/v1/namespaces/${ns}`, { method: "PATCH", json: bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe("ARTIFACT_VALIDATION_FAILED");
    }
    expect((await admin.json(`/api/v1/namespaces/${ns}`)).body).toMatchObject({ quotaOverride: false, retentionDays: null });
    const set = await admin.json(`/api/v1/namespaces/${ns}`, { method: "PATCH", json: { quotaBytes: 2048, retentionDays: 14 } });
    expect(set.body).toMatchObject({ quotaBytes: 2048, quotaOverride: true, retentionDays: 14 });
    expect(
      (await admin.json(`/api/v1/namespaces/${encodeURIComponent("team:does-not-exist")}`, { method: "PATCH", json: { quotaBytes: 1 } }))
        .status,
    ).toBe(404);
  });

  it("the reconciliation command reports drift and fixes it", async () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ["--import", "./scripts/register-hooks.mjs", "scripts/stowage-admin.ts", "reconcile-usage", ...args], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: inject("databaseUrl"), STOWAGE_DATA_DIR: inject("dataDir") },
        encoding: "utf8",
      });
    const agent = await createAgent(uniq("drift"));
    await agent.client.upload({ namespace: agent.namespace, name: "a.txt" }, "x".repeat(321));
    const mine = (out: string) => (JSON.parse(out).drifted as { namespace: string }[]).filter((d) => d.namespace === agent.namespace);
    const clean = run();
    expect(mine(clean.stdout)).toEqual([]);
    // Drift that only a bug or a hand-edited database could cause.
    await runSql(`UPDATE "Namespace" SET "usedBytes" = 7 WHERE "name" = $1`, [agent.namespace]);
    const found = run();
    expect(found.status).toBe(1);
    expect(mine(found.stdout)).toEqual([
      { namespace: agent.namespace, usedBytes: { recorded: 7, actual: 321 }, reservedBytes: { recorded: 0, actual: 0 } },
    ]);
    const fixed = run("--fix");
    expect(fixed.status, fixed.stderr).toBe(0);
    expect((await agent.client.json(`/api/v1/namespaces/${encodeURIComponent(agent.namespace)}/usage`)).body.usedBytes).toBe(321);
    expect(mine(run().stdout)).toEqual([]);
  });
});
