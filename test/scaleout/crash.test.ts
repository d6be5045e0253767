import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { clientFor, createAgent, uniq } from "../support/api.ts";
import { bucketKeys, Cluster, downloadVersion, listAllVersions, serverErrorLines, sha256, sharedEnv } from "../support/cluster.ts";
import { sqlAt } from "../support/db-at.ts";
import { httpRequest } from "../support/http-request.ts";
import { waitFor } from "../support/wait-for.ts";

const root = path.resolve(import.meta.dirname, "../..");

describe("an instance killed (SIGKILL) in the middle of uploads, beside two that keep working", () => {
  const ctx = inject("scaleout");
  let cluster: Cluster;
  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => sqlAt<T>(ctx.databaseUrl, query, params);

  beforeAll(async () => {
    // Test-only, on B alone: each put waits 3 s after its bytes are stored, before the commit
    // (lib/storage/test-pause-after-put.ts), so the kill can land between the two.
    cluster = await Cluster.start(ctx, {
      envOf: (i): Record<string, string> => (i === 1 ? { STOWAGE_TEST_PAUSE_AFTER_PUT_MS: "3000" } : {}),
    });
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it("leaves no version without its bytes, the orphan is reclaimed and usage has no drift", async () => {
    const [a, b, c] = cluster.baseUrls as [string, string, string];
    const agent = await createAgent(uniq("crash"), {}, cluster.admin(0));
    const post = (url: string, name: string, body: Buffer, extra: Partial<Parameters<typeof httpRequest>[1]> = {}) =>
      httpRequest(`${url}/api/v1/artifacts?${new URLSearchParams({ namespace: agent.namespace, name })}`, {
        method: "POST",
        headers: { authorization: `Bearer ${agent.key}`, "content-type": "application/octet-stream" },
        body,
        ...extra,
      });
    for (const [i, url] of [a, c].entries()) expect((await post(url, `before-${i}.bin`, randomBytes(10_000))).status).toBe(201);
    const committed = new Set(await bucketKeys(ctx));

    // On B: a slow body still arriving, and a body whose bytes are stored but not yet committed.
    const slow = post(b, "slow.bin", randomBytes(2 * 1024 * 1024), { chunked: 64 * 1024, pieceDelayMs: 150 }).then(
      (r) => ({ status: r.status }),
      (e: Error) => ({ error: e.message }),
    );
    const paused = post(b, "lost.bin", randomBytes(256 * 1024)).then(
      (r) => ({ status: r.status }),
      (e: Error) => ({ error: e.message }),
    );
    const orphan = await waitFor("the stored, uncommitted bytes", async () => (await bucketKeys(ctx)).find((k) => !committed.has(k)), {
      timeoutMs: 30_000,
      everyMs: 100,
    });
    // A and C keep publishing while B dies.
    const beside = Promise.all(
      Array.from({ length: 8 }, (_, i) => post(i % 2 ? c : a, `beside-${i}.bin`, randomBytes(20_000 + i)).then((r) => r.status)),
    );
    await new Promise((r) => setTimeout(r, 150));
    await cluster.stopOne(1, "SIGKILL");
    // Neither got an answer: the process died under them.
    expect(await slow).toHaveProperty("error");
    expect(await paused).toHaveProperty("error");
    expect(await beside).toEqual(Array(8).fill(201));

    // Bytes without a row: what the crash left.
    expect(await sql(`SELECT 1 FROM "ArtifactVersion" WHERE "storageKey" = $1`, [orphan])).toEqual([]);

    // B comes back; its start-up sweep (grace 0 for this start: nothing else is uploading now) reclaims the orphan.
    await cluster.startOne(1, { ARTIFACT_ORPHAN_GRACE_MINUTES: "0", STOWAGE_TEST_PAUSE_AFTER_PUT_MS: "0" });
    await waitFor("the orphan sweep", async () => !(await bucketKeys(ctx)).includes(orphan), { timeoutMs: 60_000, everyMs: 250 });
    await waitFor("the sweep to finish", async () => (await sql(`SELECT 1 FROM "Lease"`)).length === 0, { timeoutMs: 30_000 });

    // Every version listed, through any instance, downloads with its recorded sha256.
    const listed = await clientFor(b, agent.key).json(`/api/v1/artifacts?namespace=${encodeURIComponent(agent.namespace)}&limit=200`);
    const names = listed.body.artifacts.map((x: { name: string }) => x.name).sort();
    expect(names).toEqual(["before-0.bin", "before-1.bin", ...Array.from({ length: 8 }, (_, i) => `beside-${i}.bin`)].sort());
    let n = 0;
    for (const artifact of listed.body.artifacts) {
      for (const v of await listAllVersions(clientFor(a, agent.key), artifact.id)) {
        const got = await downloadVersion(cluster.baseUrls[n++ % 3]!, agent.key, artifact.id, v.version);
        expect(got.status, `${artifact.name} v${v.version}`).toBe(200);
        expect(sha256(got.bytes!)).toBe(v.sha256);
      }
    }

    // The bucket holds nothing that no version refers to (the whole tier's bucket).
    const versionKeys = new Set((await sql<{ storageKey: string }>(`SELECT "storageKey" FROM "ArtifactVersion"`)).map((r) => r.storageKey));
    const unreferenced = (await bucketKeys(ctx)).filter((k) => !versionKeys.has(k));
    expect(unreferenced).toEqual([]);

    // reconcile-usage, run the way an operator runs it against the same database: no drift.
    const run = await promisify(execFile)(
      process.execPath,
      ["--import", "./scripts/register-hooks.mjs", "scripts/stowage-admin.ts", "reconcile-usage"],
      {
        cwd: root,
        env: { ...process.env, ...sharedEnv(ctx), DATABASE_URL: ctx.databaseUrl, NODE_ENV: "production" },
      },
    );
    const report = JSON.parse(run.stdout);
    expect(report.namespaces).toBeGreaterThan(0);
    expect(report.drifted).toEqual([]);
    const usage = (await clientFor(c, agent.key).json(`/api/v1/namespaces/${encodeURIComponent(agent.namespace)}/usage`)).body;
    const [total] = await sql<{ sum: string }>(
      `SELECT COALESCE(SUM(v."sizeBytes"), 0) AS "sum" FROM "ArtifactVersion" v JOIN "Artifact" x ON x."id" = v."artifactId" JOIN "Namespace" ns ON ns."id" = x."namespaceId" WHERE ns."name" = $1`,
      [agent.namespace],
    );
    expect(usage.usedBytes).toBe(Number(total!.sum));

    for (const i of [0, 2]) expect(serverErrorLines(cluster.instances[i]!), `${cluster.instances[i]!.label} stderr`).toEqual([]);
    expect(serverErrorLines(cluster.instances[1]!), "B stderr, both starts").toEqual([]);
  });
});
