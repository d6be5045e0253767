import { randomBytes } from "node:crypto";
import { ListMultipartUploadsCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { clientFor, createAgent, uniq } from "../support/api.ts";
import { bucketKeys, Cluster, serverErrorLines, sumLogged } from "../support/cluster.ts";
import { sqlAt } from "../support/db-at.ts";
import { httpRequest } from "../support/http-request.ts";
import { testS3Client } from "../support/test-s3.ts";
import { waitFor } from "../support/wait-for.ts";

const EXPIRED = 9;
const ORPHANS = 6;
const QUEUED = 4;

describe("sweeps started on three instances at the same moment", () => {
  const ctx = inject("scaleout");
  let cluster: Cluster;
  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => sqlAt<T>(ctx.databaseUrl, query, params);

  beforeAll(async () => {
    // Grace 0: bytes no version refers to are garbage as soon as a sweep sees them.
    cluster = await Cluster.start(ctx, { env: { ARTIFACT_ORPHAN_GRACE_MINUTES: "0" } });
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it("delete each piece of garbage exactly once, and nothing else", async () => {
    const urls = cluster.baseUrls;
    const agent = await createAgent(uniq("sweeps"), {}, cluster.admin(0));
    const as = (i: number) => clientFor(urls[i % 3]!, agent.key);
    const s3 = testS3Client(ctx.s3);

    // Kept: three artifacts that must survive.
    const kept = [];
    for (let i = 0; i < 3; i++) {
      const up = await as(i).upload({ namespace: agent.namespace, name: `kept-${i}.txt` }, `kept ${i}`);
      expect(up.status).toBe(201);
      kept.push(up.body);
    }
    // Expired: two versions each, expiresAt set through any instance a few seconds ahead.
    let expiresAt = new Date();
    const expired: string[] = [];
    for (let i = 0; i < EXPIRED; i++) {
      for (const text of ["first", "second"])
        expect((await as(i).upload({ namespace: agent.namespace, name: `expiring-${i}.txt` }, `${text} ${i}`)).status).toBe(201);
      const id = (await as(i).json(`/api/v1/artifacts?namespace=${encodeURIComponent(agent.namespace)}&name=expiring-${i}.txt`)).body
        .artifacts[0].id;
      expiresAt = new Date(Date.now() + 3_000);
      const patched = await as(i + 1).json(`/api/v1/artifacts/${id}`, { method: "PATCH", json: { expiresAt: expiresAt.toISOString() } });
      expect(patched.status).toBe(200);
      expired.push(id);
    }
    const expiredKeys = (
      await sql<{ storageKey: string }>(`SELECT "storageKey" FROM "ArtifactVersion" WHERE "artifactId" = ANY($1)`, [expired])
    ).map((r) => r.storageKey);
    expect(expiredKeys).toHaveLength(2 * EXPIRED);
    const keptKeys = (
      await sql<{ storageKey: string }>(`SELECT "storageKey" FROM "ArtifactVersion" WHERE "artifactId" = ANY($1)`, [
        kept.map((k) => k.artifact.id),
      ])
    ).map((r) => r.storageKey);

    // Orphans (bytes stored, never committed) and queued deletes (a delete that failed earlier),
    // put straight into the bucket under the layout the store uses: v1/<namespace id>/<id>.
    const [{ id: namespaceId }] = (await sql<{ id: string }>(`SELECT "id" FROM "Namespace" WHERE "name" = $1`, [agent.namespace])) as [
      { id: string },
    ];
    const orphanKeys = Array.from({ length: ORPHANS }, () => `v1/${namespaceId}/orphan${randomBytes(8).toString("hex")}`);
    const queuedKeys = Array.from({ length: QUEUED }, () => `v1/${namespaceId}/queued${randomBytes(8).toString("hex")}`);
    for (const key of [...orphanKeys, ...queuedKeys])
      await s3.send(new PutObjectCommand({ Bucket: ctx.bucket, Key: key, Body: randomBytes(1000) }));
    for (const key of queuedKeys) {
      await sql(
        `INSERT INTO "PendingBlobDelete" ("id", "backend", "storageKey", "createdAt", "attempts", "lastError") VALUES ($1, $2, $3, $4, 1, 'store unreachable')`,
        [`queued${randomBytes(6).toString("hex")}`, `s3:${ctx.bucket}`, key, new Date()],
      );
    }

    // Abandoned direct uploads: started (one with a part stored in S3), then left past their time.
    const uploads: string[] = [];
    for (let i = 0; i < 2; i++) {
      const started = await as(i).json("/api/v1/uploads", {
        method: "POST",
        json: { namespace: agent.namespace, name: `big-${i}.bin`, size: 100_000 },
      });
      expect(started.status, JSON.stringify(started.body)).toBe(201);
      uploads.push(started.body.id);
    }
    const parts = await as(2).json(`/api/v1/uploads/${uploads[0]}/parts`, { method: "POST", json: { partNumbers: [1] } });
    expect(parts.status).toBe(200);
    expect((await httpRequest(parts.body.parts[0].url, { method: "PUT", body: randomBytes(100_000) })).status).toBe(200);
    expect((await as(0).json(`/api/v1/namespaces/${encodeURIComponent(agent.namespace)}/usage`)).body.reservedBytes).toBe(200_000);
    await sql(`UPDATE "DirectUpload" SET "expiresAt" = $1 WHERE "id" = ANY($2)`, [new Date(Date.now() - 60_000), uploads]);
    const openMultipart = async () => ((await s3.send(new ListMultipartUploadsCommand({ Bucket: ctx.bucket }))).Uploads ?? []).length;
    expect(await openMultipart()).toBe(2);

    const before = new Set(await bucketKeys(ctx));
    for (const key of [...expiredKeys, ...orphanKeys, ...queuedKeys, ...keptKeys]) expect(before.has(key), key).toBe(true);
    await waitFor("the expiry", async () => Date.now() > expiresAt.getTime() + 200, { timeoutMs: 10_000 });

    // The sweeps run at start: stop all three, then start them at the same moment.
    await Promise.all(urls.map((_, i) => cluster.stopOne(i)));
    await Promise.all(urls.map((_, i) => cluster.startOne(i)));

    const garbage = [...expiredKeys, ...orphanKeys, ...queuedKeys];
    await waitFor(
      "the garbage to go",
      async () => {
        const now = new Set(await bucketKeys(ctx));
        return garbage.every((k) => !now.has(k));
      },
      { timeoutMs: 60_000, everyMs: 250 },
    );
    // Every pass finished and let go of the lease.
    await waitFor(
      "the sweeps to finish",
      async () => (await sql(`SELECT 1 FROM "Lease"`)).length === 0 && (await sql(`SELECT 1 FROM "PendingBlobDelete"`)).length === 0,
      { timeoutMs: 30_000 },
    );

    const after = new Set(await bucketKeys(ctx));
    for (const key of keptKeys) expect(after.has(key), `kept ${key}`).toBe(true);
    expect(await sql(`SELECT 1 FROM "Artifact" WHERE "id" = ANY($1)`, [expired])).toEqual([]);

    // Each expired artifact was removed once: one audit event each, and the instances' reports add up.
    const audit = await cluster
      .admin(1)
      .json(`/api/v1/audit?action=artifact.expire&namespace=${encodeURIComponent(agent.namespace)}&limit=200`);
    expect(audit.status).toBe(200);
    expect(audit.body.events.map((e: { artifactId: string }) => e.artifactId).sort()).toEqual([...expired].sort());
    expect(audit.body.events.every((e: { actorName: string }) => e.actorName === "system")).toBe(true);
    const outputs = cluster.instances.map((i) => i.server.output()).join("\n");
    expect(sumLogged(outputs, /removed (\d+) expired artifact\(s\)/)).toBe(EXPIRED);
    expect(sumLogged(outputs, /removed (\d+) orphan blob\(s\)/)).toBe(ORPHANS);
    expect(sumLogged(outputs, /closed (\d+) direct upload\(s\) whose time ran out/)).toBe(2);

    // The abandoned uploads are closed, their parts gone and their hold released.
    for (const id of uploads) expect((await as(0).json(`/api/v1/uploads/${id}`)).body.status).toBe("expired");
    expect(await openMultipart()).toBe(0);
    const usage = (await as(2).json(`/api/v1/namespaces/${encodeURIComponent(agent.namespace)}/usage`)).body;
    const keptBytes = kept.reduce((n, k) => n + k.version.sizeBytes, 0);
    expect(usage).toMatchObject({ usedBytes: keptBytes, reservedBytes: 0, artifactCount: 3, versionCount: 3 });

    for (const instance of cluster.instances) expect(serverErrorLines(instance), `${instance.label} stderr`).toEqual([]);
  });
});
