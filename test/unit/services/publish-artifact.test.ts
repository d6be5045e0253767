import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { deleteVersion } from "@/lib/artifacts/delete-artifact";
import { getArtifact } from "@/lib/artifacts/get-artifact";
import { listArtifacts } from "@/lib/artifacts/list-artifacts";
import { publishArtifact } from "@/lib/artifacts/publish-artifact";
import type { BlobStore } from "@/lib/storage/blob-store";
import { body, useFreshHarness, MAX_BYTES, readAll, readBlobFile, sha256, stowageError } from "../../support/service-harness";

const h = useFreshHarness();

const NS = "agent:alice";

/** A body that yields its first chunk, then waits for `release()` before yielding the rest. */
function gatedBody(first: string, rest: string) {
  let release!: () => void;
  let started!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const hasStarted = new Promise<void>((r) => (started = r));
  async function* gen() {
    yield Buffer.from(first);
    started();
    await gate;
    yield Buffer.from(rest);
  }
  return { body: gen(), release, hasStarted };
}

/** The real filesystem store, recording which keys were written (delegates everything). */
function recordingStore(inner: BlobStore) {
  const putKeys: string[] = [];
  const store: BlobStore = {
    ...inner,
    put: (key, b, o) => {
      putKeys.push(key);
      return inner.put(key, b, o);
    },
  };
  return { store, putKeys };
}

const versionFiles = async () => (await h.blobFiles()).filter((f) => !f.startsWith(".tmp/"));

describe("publishArtifact: version numbers", () => {
  it("numbers versions 0, 1, 2 and stores the bytes under each version's key", async () => {
    const results = [];
    for (const text of ["zero", "one", "two"]) results.push(await h.publish(h.alice, { namespace: NS, name: "notes.txt" }, text));
    expect(results.map((r) => r.version.version)).toEqual([0, 1, 2]);
    expect(new Set(results.map((r) => r.artifact.id)).size).toBe(1);
    expect(results[2]!.artifact.latestVersion).toBe(2);
    for (const [i, text] of ["zero", "one", "two"].entries()) {
      const row = await h.db.artifactVersion.findUniqueOrThrow({
        where: { artifactId_version: { artifactId: results[0]!.artifact.id, version: i } },
      });
      expect(row.sha256).toBe(sha256(text));
      expect(Number(row.sizeBytes)).toBe(text.length);
      expect((await readBlobFile(h, row.storageKey)).toString()).toBe(text);
    }
    expect(await versionFiles()).toHaveLength(3);
  });

  it("never reuses a deleted number, and latestVersion falls back to the newest remaining", async () => {
    const v0 = await h.publish(h.alice, { namespace: NS, name: "a.txt" }, "0");
    await h.publish(h.alice, { namespace: NS, name: "a.txt" }, "1");
    await h.publish(h.alice, { namespace: NS, name: "a.txt" }, "2");
    const id = v0.artifact.id;

    await deleteVersion(h.db, h.alice, id, 2);
    const afterDelete = await getArtifact(h.db, h.alice, id);
    expect(afterDelete.latestVersion).toBe(1);
    expect(afterDelete.latest?.version).toBe(1);
    expect(afterDelete.latest?.sha256).toBe(sha256("1"));

    const v3 = await h.publish(h.alice, { namespace: NS, name: "a.txt" }, "3");
    expect(v3.version.version).toBe(3);
    expect(v3.artifact.latestVersion).toBe(3);

    // Deleting a version below the latest changes nothing about the latest.
    await deleteVersion(h.db, h.alice, id, 0);
    expect((await getArtifact(h.db, h.alice, id)).latestVersion).toBe(3);
    const remaining = await h.db.artifactVersion.findMany({ where: { artifactId: id }, orderBy: { version: "asc" } });
    expect(remaining.map((v) => v.version)).toEqual([1, 3]);
  });

  it("keeps session-scoped and namespace-level artifacts of the same name apart", async () => {
    const nsLevel = await h.publish(h.alice, { namespace: NS, name: "out.json" }, "ns");
    const inS1 = await h.publish(h.alice, { namespace: NS, name: "out.json", sessionId: "s1" }, "s1");
    const inS2 = await h.publish(h.alice, { namespace: NS, name: "out.json", sessionId: "s2" }, "s2");
    const inS1again = await h.publish(h.alice, { namespace: NS, name: "out.json", sessionId: "s1" }, "s1b");

    expect(new Set([nsLevel.artifact.id, inS1.artifact.id, inS2.artifact.id]).size).toBe(3);
    expect(nsLevel.artifact.sessionId).toBeNull();
    expect(inS1.artifact.sessionId).toBe("s1");
    expect([nsLevel.version.version, inS1.version.version, inS2.version.version]).toEqual([0, 0, 0]);
    expect(inS1again.artifact.id).toBe(inS1.artifact.id);
    expect(inS1again.version.version).toBe(1);
    // The namespace-level artifact did not move.
    expect((await getArtifact(h.db, h.alice, nsLevel.artifact.id)).latest?.sha256).toBe(sha256("ns"));
  });
});

describe("publishArtifact: over an expired artifact", () => {
  it("replaces it, as the sweep would have: a fresh artifact from version 0 that is served", async () => {
    const old = await h.publish(h.alice, { namespace: NS, name: "e.txt", tags: ["old"], metadata: { k: "old" } }, "old 0");
    await h.publish(h.alice, { namespace: NS, name: "e.txt" }, "old 1");
    const oldKeys = (await h.db.artifactVersion.findMany({ where: { artifactId: old.artifact.id } })).map((v) => v.storageKey);
    // Expired, not yet swept: gone for every reader.
    await h.db.artifact.update({ where: { id: old.artifact.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const fresh = await h.publish(h.alice, { namespace: NS, name: "e.txt" }, "new 0", { ifNoneMatch: true });
    expect(fresh.artifact.id).not.toBe(old.artifact.id);
    expect(fresh.version.version).toBe(0);
    expect(fresh.artifact).toMatchObject({ expiresAt: null, tags: [], latestVersion: 0 });
    const served = await getArtifact(h.db, h.alice, fresh.artifact.id);
    expect(served.latest?.sha256).toBe(sha256("new 0"));
    await stowageError(() => getArtifact(h.db, h.alice, old.artifact.id), "ARTIFACT_NOT_FOUND", 404);
    // The expired versions and their bytes are gone; their metadata no longer matches.
    expect(await h.db.artifactVersion.count({ where: { artifactId: old.artifact.id } })).toBe(0);
    for (const key of oldKeys) expect(await h.store.exists(key)).toBe(false);
    expect(await versionFiles()).toHaveLength(1);
    expect((await listArtifacts(h.db, h.alice, { namespace: NS, metadata: { k: "old" }, limit: 10 })).artifacts).toEqual([]);
  });

  it("If-Match cannot name a version of an expired artifact", async () => {
    const old = await h.publish(h.alice, { namespace: NS, name: "e.txt" }, "old");
    await h.db.artifact.update({ where: { id: old.artifact.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const e = await stowageError(
      () => h.publish(h.alice, { namespace: NS, name: "e.txt" }, "new", { ifMatch: 0 }),
      "ARTIFACT_VERSION_CONFLICT",
      412,
    );
    expect(e.details.latestVersion).toBeNull();
  });
});

describe("publishArtifact: tags and metadata", () => {
  it("replaces tags when a publish gives them and keeps them when it does not", async () => {
    const first = await h.publish(h.alice, { namespace: NS, name: "t.txt", tags: ["draft", "q1"] });
    expect(first.artifact.tags).toEqual(["draft", "q1"]);
    const kept = await h.publish(h.alice, { namespace: NS, name: "t.txt" });
    expect(kept.artifact.tags).toEqual(["draft", "q1"]);
    const replaced = await h.publish(h.alice, { namespace: NS, name: "t.txt", tags: "final" });
    expect(replaced.artifact.tags).toEqual(["final"]);
    expect((await getArtifact(h.db, h.alice, first.artifact.id)).tags).toEqual(["final"]);
    const cleared = await h.publish(h.alice, { namespace: NS, name: "t.txt", tags: [] });
    expect(cleared.artifact.tags).toEqual([]);
  });

  it("indexes the metadata of the latest version only, following deletes back", async () => {
    const find = async () =>
      (await listArtifacts(h.db, h.alice, { namespace: NS, metadata: { stage: "train" }, limit: 50 })).artifacts.map((a) => a.id);

    const v0 = await h.publish(h.alice, { namespace: NS, name: "m.bin", metadata: { stage: "train", epoch: 3 } });
    const id = v0.artifact.id;
    expect(await find()).toEqual([id]);
    expect((await listArtifacts(h.db, h.alice, { namespace: NS, metadata: { epoch: "3" }, limit: 50 })).artifacts.map((a) => a.id)).toEqual(
      [id],
    );

    await h.publish(h.alice, { namespace: NS, name: "m.bin", metadata: { other: "x" } });
    expect(await find()).toEqual([]);

    await deleteVersion(h.db, h.alice, id, 1);
    expect(await find()).toEqual([id]);
    expect((await listArtifacts(h.db, h.alice, { namespace: NS, metadata: { other: "x" }, limit: 50 })).artifacts).toEqual([]);
  });
});

describe("publishArtifact: preconditions", () => {
  it("If-None-Match: * only creates; If-Match only publishes over the named latest version", async () => {
    const created = await h.publish(h.alice, { namespace: NS, name: "p.txt" }, "a", { ifNoneMatch: true });
    expect(created.version.version).toBe(0);

    const noneMatch = await stowageError(
      () => h.publish(h.alice, { namespace: NS, name: "p.txt" }, "b", { ifNoneMatch: true }),
      "ARTIFACT_VERSION_CONFLICT",
      412,
    );
    expect(noneMatch.details.latestVersion).toBe(0);

    const wrong = await stowageError(
      () => h.publish(h.alice, { namespace: NS, name: "p.txt" }, "b", { ifMatch: 5 }),
      "ARTIFACT_VERSION_CONFLICT",
      412,
    );
    expect(wrong.details.latestVersion).toBe(0);

    // If-Match on an artifact that does not exist yet fails too.
    await stowageError(
      () => h.publish(h.alice, { namespace: NS, name: "absent.txt" }, "b", { ifMatch: 0 }),
      "ARTIFACT_VERSION_CONFLICT",
      412,
    );
    expect(await h.db.artifact.count({ where: { name: "absent.txt" } })).toBe(0);

    const ok = await h.publish(h.alice, { namespace: NS, name: "p.txt" }, "b", { ifMatch: 0 });
    expect(ok.version.version).toBe(1);
    await stowageError(() => h.publish(h.alice, { namespace: NS, name: "p.txt" }, "c", { ifMatch: 0 }), "ARTIFACT_VERSION_CONFLICT", 412);

    // Failed preconditions stored nothing: two versions, two blobs.
    expect(await h.db.artifactVersion.count()).toBe(2);
    expect(await versionFiles()).toHaveLength(2);
  });

  it("a precondition that fails only at commit time (a concurrent publish won) removes the stored blob", async () => {
    // Real failure: the If-Match check passes up front, then another writer publishes while our
    // bytes are still streaming, so the re-check inside the transaction fails.
    await h.publish(h.alice, { namespace: NS, name: "race.txt" }, "v0");
    const { store, putKeys } = recordingStore(h.store);
    const gated = gatedBody("slow ", "writer");
    const slow = publishArtifact(h.db, store, h.alice, MAX_BYTES, {
      fields: { namespace: NS, name: "race.txt" },
      body: gated.body,
      ifMatch: 0,
    });
    const slowSettled = slow.then(
      () => undefined,
      (e: unknown) => e,
    );
    await gated.hasStarted;
    const winner = await h.publish(h.alice, { namespace: NS, name: "race.txt" }, "fast writer");
    expect(winner.version.version).toBe(1);
    gated.release();

    const error = await slowSettled;
    expect(error).toMatchObject({ code: "ARTIFACT_VERSION_CONFLICT", status: 412, details: { latestVersion: 1 } });
    expect(putKeys).toHaveLength(1);
    expect(await h.store.exists(putKeys[0]!)).toBe(false);
    expect(await versionFiles()).toHaveLength(2);
    const versions = await h.db.artifactVersion.findMany({ orderBy: { version: "asc" } });
    expect(versions.map((v) => v.version)).toEqual([0, 1]);
    expect(versions.map((v) => v.storageKey)).not.toContain(putKeys[0]);
    // The counter rolled back with the failed transaction: the next version is 2.
    expect((await h.publish(h.alice, { namespace: NS, name: "race.txt" }, "next")).version.version).toBe(2);
  });

  it("If-None-Match: * racing a concurrent first publish removes the stored blob", async () => {
    const { store, putKeys } = recordingStore(h.store);
    const gated = gatedBody("first ", "try");
    const slow = publishArtifact(h.db, store, h.alice, MAX_BYTES, {
      fields: { namespace: NS, name: "new.txt" },
      body: gated.body,
      ifNoneMatch: true,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    await gated.hasStarted;
    await h.publish(h.alice, { namespace: NS, name: "new.txt" }, "other");
    gated.release();
    expect(await slow).toMatchObject({ code: "ARTIFACT_VERSION_CONFLICT", status: 412 });
    expect(await h.store.exists(putKeys[0]!)).toBe(false);
    expect(await versionFiles()).toHaveLength(1);
  });
});

describe("publishArtifact: Idempotency-Key", () => {
  it("replays the original result for the same upload and stores nothing new", async () => {
    const first = await h.publish(h.alice, { namespace: NS, name: "i.txt", tags: ["x"] }, "same", { idempotencyKey: "k-1" });
    const again = await h.publish(h.alice, { namespace: NS, name: "i.txt", tags: ["x"] }, "same", { idempotencyKey: "k-1" });
    expect(first.replayed).toBe(false);
    expect(again.replayed).toBe(true);
    expect(again.version).toEqual(first.version);
    expect(again.artifact.id).toBe(first.artifact.id);
    expect(await h.db.artifactVersion.count()).toBe(1);
    expect(await versionFiles()).toHaveLength(1);
  });

  it("refuses the key for a different upload (422) and removes that upload's blob", async () => {
    await h.publish(h.alice, { namespace: NS, name: "i.txt" }, "same", { idempotencyKey: "k-2" });
    const otherBytes = await stowageError(
      () => h.publish(h.alice, { namespace: NS, name: "i.txt" }, "different", { idempotencyKey: "k-2" }),
      "ARTIFACT_IDEMPOTENCY_KEY_REUSED",
      422,
    );
    expect(otherBytes.message).toMatch(/different upload/);
    await stowageError(
      () => h.publish(h.alice, { namespace: NS, name: "j.txt" }, "same", { idempotencyKey: "k-2" }),
      "ARTIFACT_IDEMPOTENCY_KEY_REUSED",
      422,
    );
    await stowageError(
      () => h.publish(h.alice, { namespace: NS, name: "i.txt", metadata: { a: 1 } }, "same", { idempotencyKey: "k-2" }),
      "ARTIFACT_IDEMPOTENCY_KEY_REUSED",
      422,
    );
    expect(await h.db.artifactVersion.count()).toBe(1);
    expect(await versionFiles()).toHaveLength(1);
  });

  it("keys are per identity", async () => {
    const ns = await h.db.namespace.findUniqueOrThrow({ where: { name: "agent:bob" } });
    expect(ns).toBeTruthy();
    const a = await h.publish(h.alice, { namespace: NS, name: "i.txt" }, "x", { idempotencyKey: "shared" });
    const b = await h.publish(h.bob, { namespace: "agent:bob", name: "i.txt" }, "y", { idempotencyKey: "shared" });
    expect(b.replayed).toBe(false);
    expect(b.artifact.id).not.toBe(a.artifact.id);
  });
});

describe("publishArtifact: failed uploads leave nothing", () => {
  it("over maxBytes while streaming → ARTIFACT_TOO_LARGE, no blob, no artifact row", async () => {
    async function* chunks() {
      for (let i = 0; i < 10; i++) yield Buffer.alloc(100, i);
    }
    await stowageError(
      () => publishArtifact(h.db, h.store, h.alice, 550, { fields: { namespace: NS, name: "big.bin" }, body: chunks() }),
      "ARTIFACT_TOO_LARGE",
      413,
    );
    expect(await h.blobFiles()).toEqual([]);
    expect(await h.db.artifact.count()).toBe(0);
    expect(await h.db.artifactVersion.count()).toBe(0);
  });

  it("exactly maxBytes is accepted", async () => {
    const r = await publishArtifact(h.db, h.store, h.alice, 500, {
      fields: { namespace: NS, name: "fits.bin" },
      body: body(Buffer.alloc(500, 7)),
    });
    expect(r.version.sizeBytes).toBe(500);
  });

  it("a declared size over maxBytes fails before reading any byte", async () => {
    let pulled = false;
    async function* never() {
      pulled = true;
      yield Buffer.from("x");
    }
    await stowageError(
      () => publishArtifact(h.db, h.store, h.alice, 100, { fields: { namespace: NS, name: "big.bin" }, body: never(), declaredSize: 101 }),
      "ARTIFACT_TOO_LARGE",
    );
    expect(pulled).toBe(false);
    expect(await h.blobFiles()).toEqual([]);
  });

  it("a source stream that errors midway rejects and leaves no row and no blob", async () => {
    async function* broken() {
      yield Buffer.from("partial bytes ");
      yield Buffer.from("more ");
      throw new Error("client went away");
    }
    await expect(
      publishArtifact(h.db, h.store, h.alice, MAX_BYTES, { fields: { namespace: NS, name: "b.txt" }, body: broken() }),
    ).rejects.toThrow("client went away");
    const readable = new Readable({ read() {} });
    // As the server does with a request: the reset may come before anything reads the body.
    readable.on("error", () => undefined);
    const pending = publishArtifact(h.db, h.store, h.alice, MAX_BYTES, { fields: { namespace: NS, name: "c.txt" }, body: readable });
    readable.push(Buffer.from("some"));
    setTimeout(() => readable.destroy(new Error("socket reset")), 10);
    await expect(pending).rejects.toThrow("socket reset");

    expect(await h.blobFiles()).toEqual([]);
    expect(await h.db.artifact.count()).toBe(0);
    expect(await h.db.artifactVersion.count()).toBe(0);
  });
});

describe("publishArtifact: concurrency", () => {
  it("30 parallel publishes of one name get versions 0..29, each pointing at its own bytes", async () => {
    const payloads = Array.from({ length: 30 }, (_, i) => `payload number ${i} `.repeat(i + 1));
    const results = await Promise.all(payloads.map((p) => h.publish(h.alice, { namespace: NS, name: "hot.txt" }, p)));
    expect(results.map((r) => r.version.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(new Set(results.map((r) => r.artifact.id)).size).toBe(1);
    results.forEach((r, i) => expect(r.version.sha256).toBe(sha256(payloads[i]!)));

    const rows = await h.db.artifactVersion.findMany({ orderBy: { version: "asc" } });
    expect(rows).toHaveLength(30);
    for (const row of rows) {
      const bytes = await readAll(await h.store.get(row.storageKey));
      expect(sha256(bytes)).toBe(row.sha256);
      expect(bytes.length).toBe(Number(row.sizeBytes));
    }
    expect(new Set(rows.map((r) => r.storageKey)).size).toBe(30);
    const artifact = await h.db.artifact.findUniqueOrThrow({ where: { id: results[0]!.artifact.id } });
    expect(artifact.latestVersion).toBe(29);
    expect(artifact.nextVersion).toBe(30);
    expect(await versionFiles()).toHaveLength(30);
  });
});

describe("publishArtifact: sessions, runs and access", () => {
  it("refuses a run that belongs to another session (400) and stores nothing", async () => {
    await h.publish(h.alice, { namespace: NS, name: "r.txt", sessionId: "s1", runId: "run-1" });
    const before = await h.blobFiles();
    const e = await stowageError(
      () => h.publish(h.alice, { namespace: NS, name: "r.txt", sessionId: "s2", runId: "run-1" }),
      "ARTIFACT_VALIDATION_FAILED",
      400,
    );
    expect(e.details.field).toBe("runId");
    expect(await h.blobFiles()).toEqual(before);
    expect(await h.db.artifactVersion.count()).toBe(1);
    // The same run in its own session, and with no session, is fine.
    expect((await h.publish(h.alice, { namespace: NS, name: "r.txt", sessionId: "s1", runId: "run-1" })).version.runId).toBe("run-1");
    expect((await h.publish(h.alice, { namespace: NS, name: "plain.txt", runId: "run-1" })).version.runId).toBe("run-1");
  });

  it("needs write access to the namespace", async () => {
    await stowageError(() => h.publish(h.bob, { namespace: NS, name: "x.txt" }), "ARTIFACT_NAMESPACE_DENIED", 403);
    expect(await h.blobFiles()).toEqual([]);
  });

  it("rejects missing and invalid fields before storing anything", async () => {
    await stowageError(() => h.publish(h.alice, { name: "x.txt" }), "ARTIFACT_VALIDATION_FAILED");
    await stowageError(() => h.publish(h.alice, { namespace: NS }), "ARTIFACT_VALIDATION_FAILED");
    await stowageError(() => h.publish(h.alice, { namespace: NS, name: "../x" }), "ARTIFACT_VALIDATION_FAILED");
    await stowageError(() => h.publish(h.alice, { namespace: NS, name: "x", metadata: "[1]" }), "ARTIFACT_VALIDATION_FAILED");
    await stowageError(
      () => h.publish(h.alice, { namespace: NS, name: "x", expiresAt: "2001-01-01T00:00:00Z" }),
      "ARTIFACT_VALIDATION_FAILED",
    );
    expect(await h.blobFiles()).toEqual([]);
  });
});
