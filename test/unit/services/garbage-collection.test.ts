import { mkdir, rm, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deleteArtifact, deleteVersion } from "@/lib/artifacts/delete-artifact";
import { getConfig } from "@/lib/config";
import { runGc } from "@/lib/gc/run-gc";
import { sweepExpired } from "@/lib/gc/sweep-expired";
import { withLease } from "@/lib/gc/with-lease";
import { newId } from "@/lib/ids";
import { BlobStoreUnavailableError, type BlobStore } from "@/lib/storage/blob-store";
import { getBlobStore } from "@/lib/storage/get-blob-store";
import { body, useFreshHarness } from "../../support/service-harness";

const h = useFreshHarness();

const NS = "agent:alice";
const HOUR = 3_600_000;

const nsRow = (name = NS) => h.db.namespace.findUniqueOrThrow({ where: { name } });
const keysOf = async (artifactId: string) => (await h.db.artifactVersion.findMany({ where: { artifactId } })).map((v) => v.storageKey);
const expire = (id: string) => h.db.artifact.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The real stores, except that every delete fails as an unreachable store's would. */
const failingDeletes = (backend: string): BlobStore => ({
  ...getBlobStore(backend),
  delete: async () => {
    throw new BlobStoreUnavailableError("S3 storage unavailable (ECONNREFUSED)");
  },
});

/** Every version row's bytes are where the row says: no row points at nothing. */
async function expectEveryVersionStored() {
  for (const v of await h.db.artifactVersion.findMany({ where: { backend: "fs" } }))
    expect(await h.store.exists(v.storageKey), v.storageKey).toBe(true);
}

/** The namespace counter equals the sum of its version sizes. */
async function expectUsageExact(name = NS) {
  const ns = await nsRow(name);
  const sum = await h.db.artifactVersion.aggregate({ where: { artifact: { namespaceId: ns.id } }, _sum: { sizeBytes: true } });
  expect(ns.usedBytes).toBe(sum._sum.sizeBytes ?? 0n);
}

describe("GC with a failing blob store", () => {
  it("deletes the rows and releases usage at once, keeps the bytes queued, and a later sweep deletes them", async () => {
    const keep = await h.publish(h.alice, { namespace: NS, name: "keep.txt" }, "keep");
    const a = await h.publish(h.alice, { namespace: NS, name: "a.txt" }, "aaaa");
    await h.publish(h.alice, { namespace: NS, name: "a.txt" }, "aaaaaaaa");
    const b = await h.publish(h.alice, { namespace: NS, name: "b.txt" }, "bb");
    const doomedKeys = [...(await keysOf(a.artifact.id)), ...(await keysOf(b.artifact.id))];
    await expire(a.artifact.id);
    await expire(b.artifact.id);

    const first = await runGc(h.db, { getStore: failingDeletes });
    expect(first).toMatchObject({ expiredArtifacts: 2, expiredVersions: 3, releasedBytes: 14n, blobsDeleted: 0, blobDeletesFailed: 3 });
    expect(await h.db.artifact.count()).toBe(1);
    expect((await nsRow()).usedBytes).toBe(4n);
    const expiredEvents = await h.db.auditEvent.findMany({ where: { action: "artifact.expire" }, orderBy: { artifactId: "asc" } });
    expect(expiredEvents.map((e) => [e.artifactId, e.actorName, e.actorId])).toEqual(
      [
        [a.artifact.id, "system", null],
        [b.artifact.id, "system", null],
      ].sort((x, y) => x[0]!.localeCompare(y[0]!)),
    );
    await expectUsageExact();
    await expectEveryVersionStored();
    const queued = await h.db.pendingBlobDelete.findMany({ orderBy: { storageKey: "asc" } });
    expect(queued.map((q) => q.storageKey)).toEqual([...doomedKeys].sort());
    for (const q of queued) expect(q).toMatchObject({ backend: "fs", attempts: 1, lastError: "S3 storage unavailable (ECONNREFUSED)" });
    // The bytes are still there: nothing was lost track of, and the orphan sweep leaves queued keys alone.
    for (const key of doomedKeys) expect(await h.store.exists(key)).toBe(true);

    expect(await runGc(h.db, { getStore: failingDeletes, config: { ...getConfig(), orphanGraceMinutes: 0 } })).toMatchObject({
      blobDeletesFailed: 3,
      orphansDeleted: 0,
    });
    expect((await h.db.pendingBlobDelete.findMany()).map((q) => q.attempts)).toEqual([2, 2, 2]);
    for (const key of doomedKeys) expect(await h.store.exists(key)).toBe(true);

    expect(await runGc(h.db)).toMatchObject({ expiredArtifacts: 0, blobsDeleted: 3, blobDeletesFailed: 0 });
    expect(await h.db.pendingBlobDelete.count()).toBe(0);
    for (const key of doomedKeys) expect(await h.store.exists(key)).toBe(false);
    expect(await h.store.exists((await keysOf(keep.artifact.id))[0]!)).toBe(true);
    await expectUsageExact();
  });

  it("a user's delete whose blob delete fails leaves the bytes queued for the sweep, and usage exact", async () => {
    const a = await h.publish(h.alice, { namespace: NS, name: "a.txt" }, "first");
    await h.publish(h.alice, { namespace: NS, name: "a.txt" }, "second!");
    const [k0, k1] = (await h.db.artifactVersion.findMany({ where: { artifactId: a.artifact.id }, orderBy: { version: "asc" } })).map(
      (v) => v.storageKey,
    );
    // A real fault, no mock: a directory where the blob file was makes the store's delete fail.
    const blocked = path.join(h.blobRoot, k1!);
    await rm(blocked);
    await mkdir(blocked);
    await writeFile(path.join(blocked, "x"), "");

    await deleteVersion(h.db, h.alice, a.artifact.id, 1);
    expect((await nsRow()).usedBytes).toBe(5n);
    const [queued] = await h.db.pendingBlobDelete.findMany();
    expect(queued).toMatchObject({ storageKey: k1, attempts: 1 });
    expect(queued!.lastError).toMatch(/EISDIR|EPERM/);

    await deleteArtifact(h.db, h.alice, a.artifact.id);
    expect(await h.store.exists(k0!)).toBe(false);
    expect((await nsRow()).usedBytes).toBe(0n);
    expect(await h.db.pendingBlobDelete.count()).toBe(1);

    await rm(blocked, { recursive: true });
    expect(await runGc(h.db)).toMatchObject({ blobsDeleted: 1, blobDeletesFailed: 0 });
    expect(await h.db.pendingBlobDelete.count()).toBe(0);
  });
});

describe("user deletes", () => {
  it("an artifact of more versions than one query may name releases and deletes them all", async () => {
    const a = await h.publish(h.alice, { namespace: NS, name: "big-history.txt" }, "v0");
    const ns = await nsRow();
    const versions = Array.from({ length: 1200 }, (_, i) => ({
      id: newId(),
      artifactId: a.artifact.id,
      version: i + 1,
      filename: "f",
      mimeType: "text/plain",
      sizeBytes: 2n,
      sha256: "x",
      createdById: h.alice.identityId,
      backend: "fs",
      storageKey: `v1/${ns.id}/${newId()}`,
    }));
    for (let i = 0; i < versions.length; i += 100) {
      await Promise.all(versions.slice(i, i + 100).map((v) => h.store.put(v.storageKey, body("vv"))));
      await h.db.artifactVersion.createMany({ data: versions.slice(i, i + 100) });
    }
    await h.db.namespace.update({ where: { id: ns.id }, data: { usedBytes: { increment: 2400n } } });
    await h.db.artifact.update({ where: { id: a.artifact.id }, data: { latestVersion: 1200, nextVersion: 1201 } });

    await deleteArtifact(h.db, h.alice, a.artifact.id);
    expect((await nsRow()).usedBytes).toBe(0n);
    expect(await h.db.pendingBlobDelete.count()).toBe(0);
    expect((await h.blobFiles()).filter((f) => f.startsWith("v1/"))).toEqual([]);
  }, 60_000);
});

describe("orphan sweep", () => {
  /** Stores bytes under a version-style key without any row, `ageMs` old. */
  async function orphan(namespaceId: string, ageMs: number, text = "orphan"): Promise<string> {
    const key = `v1/${namespaceId}/${newId()}`;
    await h.store.put(key, body(text));
    const at = new Date(Date.now() - ageMs);
    await utimes(path.join(h.blobRoot, key), at, at);
    return key;
  }

  it("removes old bytes nothing refers to, and nothing else", async () => {
    const ns = await nsRow();
    const committed = await h.publish(h.alice, { namespace: NS, name: "c.txt" }, "committed");
    const [committedKey] = await keysOf(committed.artifact.id);
    await utimes(path.join(h.blobRoot, committedKey!), new Date(Date.now() - 5 * HOUR), new Date(Date.now() - 5 * HOUR));

    const old = await orphan(ns.id, 2 * HOUR);
    const young = await orphan(ns.id, 10 * 60_000);
    // Another installation sharing the bucket: its namespace is not in this database.
    const foreign = await orphan("a0000000000000000000000000", 2 * HOUR);
    const outside = "other/stuff";
    await h.store.put(outside, body("not a version"));
    await utimes(path.join(h.blobRoot, outside), new Date(0), new Date(0));
    // Bytes of an open direct upload, and bytes already queued for deletion.
    const uploading = await orphan(ns.id, 2 * HOUR);
    await h.db.directUpload.create({
      data: {
        id: newId(),
        namespaceId: ns.id,
        createdById: h.alice.identityId,
        status: "completing",
        backend: "fs",
        storageKey: uploading,
        backendUploadId: "u",
        sizeBytes: 6n,
        partSize: 5,
        partCount: 2,
        fields: "{}",
        expiresAt: new Date(Date.now() + HOUR),
      },
    });
    const queued = await orphan(ns.id, 2 * HOUR);
    await h.db.pendingBlobDelete.create({ data: { id: newId(), backend: "s3:elsewhere", storageKey: queued } });
    // A version moved to another backend keeps its key: the copy left here stays while it exists.
    const moved = await orphan(ns.id, 2 * HOUR);
    await h.db.artifactVersion.create({
      data: {
        id: newId(),
        artifactId: committed.artifact.id,
        version: 7,
        filename: "m",
        mimeType: "text/plain",
        sizeBytes: 6n,
        sha256: "x",
        createdById: h.alice.identityId,
        backend: "s3:other",
        storageKey: moved,
      },
    });

    const summary = await runGc(h.db);
    expect(summary).toMatchObject({ orphansDeleted: 1, orphansFailed: 0, storeErrors: [] });
    expect(await h.store.exists(old)).toBe(false);
    for (const key of [committedKey!, young, foreign, outside, uploading, queued, moved]) expect(await h.store.exists(key), key).toBe(true);

    // With no grace, the young orphan goes too; a failed orphan delete is counted and retried.
    const failing = (backend: string) => failingDeletes(backend);
    expect(await runGc(h.db, { getStore: failing, config: { ...getConfig(), orphanGraceMinutes: 0 } })).toMatchObject({
      orphansDeleted: 0,
      orphansFailed: 1,
    });
    expect(await h.store.exists(young)).toBe(true);
    expect(await runGc(h.db, { config: { ...getConfig(), orphanGraceMinutes: 0 } })).toMatchObject({ orphansDeleted: 1 });
    expect(await h.store.exists(young)).toBe(false);
    await expectEveryVersionStored();
  });

  it("checks keys in batches while listing, without holding every key", async () => {
    const ns = await nsRow();
    const keys = [];
    for (let i = 0; i < 2500; i++) keys.push(`v1/${ns.id}/${newId()}`);
    const committed = await h.publish(h.alice, { namespace: NS, name: "c.txt" }, "committed");
    for (let i = 0; i < keys.length; i += 100) await Promise.all(keys.slice(i, i + 100).map((k) => h.store.put(k, body("o"))));
    expect(await runGc(h.db, { config: { ...getConfig(), orphanGraceMinutes: 0 } })).toMatchObject({
      orphansDeleted: 2500,
      storeErrors: [],
    });
    expect((await h.blobFiles()).filter((f) => f.startsWith("v1/"))).toEqual(await keysOf(committed.artifact.id));
  }, 60_000);
});

describe("the gc lease", () => {
  it("lets one holder run at a time, and the next one once it is released", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = withLease(h.db, "test", async (lease) => {
      await gate;
      return lease.holder;
    });
    await sleep(50);
    expect(await withLease(h.db, "test", async () => "second")).toBeNull();
    // Another name is another lease.
    expect(await withLease(h.db, "other", async () => "other")).toBe("other");
    release();
    expect(await first).toMatch(/\/\d+\/[0-9a-f]{12}$/);
    expect(await h.db.lease.count()).toBe(0);
    expect(await withLease(h.db, "test", async () => "third")).toBe("third");
  });

  it("is renewed while the work runs longer than its time to live", async () => {
    const outcome = withLease(h.db, "test", () => sleep(700).then(() => "done"), { ttlMs: 150 });
    await sleep(450);
    expect(await withLease(h.db, "test", async () => "intruder")).toBeNull();
    expect((await h.db.lease.findUniqueOrThrow({ where: { name: "test" } })).expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(await outcome).toBe("done");
  });

  it("is taken over once a crashed holder let it expire, and never while it is valid", async () => {
    const doomed = await h.publish(h.alice, { namespace: NS, name: "d.txt" });
    await expire(doomed.artifact.id);
    await h.db.lease.create({ data: { name: "gc", holder: "other-host/123/abc", expiresAt: new Date(Date.now() + 60_000) } });
    expect(await runGc(h.db)).toBeNull();
    expect(await h.db.artifact.count()).toBe(1);
    await h.db.lease.update({ where: { name: "gc" }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await runGc(h.db)).toMatchObject({ expiredArtifacts: 1 });
    expect(await h.db.lease.count()).toBe(0);
  });

  it("a sweep that lost its lease stops, and its batch rolls back", async () => {
    const doomed = await h.publish(h.alice, { namespace: NS, name: "d.txt" }, "12345");
    await expire(doomed.artifact.id);
    const run = withLease(h.db, "gc", async (lease) => {
      // Another instance took over (this one stalled past the expiry).
      await h.db.lease.update({ where: { name: "gc" }, data: { holder: "other-host/1/x" } });
      return sweepExpired(h.db, lease);
    });
    await expect(run).rejects.toThrow(/lease was taken by another instance/);
    expect(await h.db.artifact.count()).toBe(1);
    expect(await h.db.pendingBlobDelete.count()).toBe(0);
    expect((await nsRow()).usedBytes).toBe(5n);
    // Its holder's lease is left alone.
    expect((await h.db.lease.findUniqueOrThrow({ where: { name: "gc" } })).holder).toBe("other-host/1/x");
  });
});
