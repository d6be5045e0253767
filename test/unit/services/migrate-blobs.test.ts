import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetConfigForTests } from "@/lib/config";
import { BlobStoreUnavailableError, type BlobStore } from "@/lib/storage/blob-store";
import { getBlobStore } from "@/lib/storage/get-blob-store";
import { migrateBlobs, resolveBackendName, type TMigrateProgress } from "@/lib/storage/migrate-blobs";
import { body, readAll, readBlobFile, sha256, stowageError, useFreshHarness } from "../../support/service-harness";
import { createTestBucket, s3ServerEnv, testS3 } from "../../support/test-s3";

const h = useFreshHarness();
const s3 = testS3();
const NS = "agent:alice";
const root = path.resolve(import.meta.dirname, "../../..");

/** Publishes one version per content (to the harness's filesystem store) and returns the rows, by id. */
async function publishAll(contents: (string | Buffer)[]) {
  for (const [i, content] of contents.entries()) {
    await h.publish(h.alice, { namespace: NS, name: `file-${i % 2}.bin` }, content, { maxBytes: 32 * 1024 * 1024 });
  }
  return versionRows();
}

const versionRows = () => h.db.artifactVersion.findMany({ orderBy: { id: "asc" } });

async function sha256At(backend: string, key: string): Promise<string | null> {
  const store = getBlobStore(backend);
  if (!(await store.stat(key))) return null;
  return sha256(await readAll(await store.get(key)));
}

const fsPath = (key: string) => path.join(h.blobRoot, key);

/** The real stores, with the target's put wrapped: `after` runs once the real put has finished. */
function wrapTargetPut(target: string, after: (key: string, call: number) => Promise<void>) {
  let calls = 0;
  return (backend: string): BlobStore => {
    const store = getBlobStore(backend);
    if (backend !== target) return store;
    return {
      ...store,
      put: async (key, b, o) => {
        const result = await store.put(key, b, o);
        await after(key, ++calls);
        return result;
      },
    };
  };
}

describe("resolveBackendName", () => {
  const config = {
    s3: {
      bucket: "artifacts",
      endpoint: undefined,
      publicEndpoint: undefined,
      region: undefined,
      forcePathStyle: true,
      credentials: undefined,
    },
  };

  it("maps fs, s3 (the configured bucket) and s3:<bucket> to backend ids", () => {
    expect(resolveBackendName("fs", config)).toBe("fs");
    expect(resolveBackendName("s3", config)).toBe("s3:artifacts");
    expect(resolveBackendName("s3:old-bucket", config)).toBe("s3:old-bucket");
    expect(resolveBackendName("fs", { s3: undefined })).toBe("fs");
  });

  it("names the value it does not know", async () => {
    const unknown = await stowageError(async () => resolveBackendName("gcs", config), "ARTIFACT_VALIDATION_FAILED");
    expect(unknown.message).toContain('unknown storage backend "gcs"');
    const noS3 = await stowageError(async () => resolveBackendName("s3", { s3: undefined }), "ARTIFACT_VALIDATION_FAILED");
    expect(noS3.message).toMatch(/"s3" needs S3 configured/);
    const badBucket = await stowageError(async () => resolveBackendName("s3:", config), "ARTIFACT_VALIDATION_FAILED");
    expect(badBucket.message).toContain('storage backend "s3:"');
  });

  it("refuses a migration onto its own source", async () => {
    const e = await stowageError(() => migrateBlobs(h.db, { from: "fs", to: "fs" }), "ARTIFACT_VALIDATION_FAILED");
    expect(e.message).toContain("same backend");
  });
});

describe.skipIf(!s3)("migrateBlobs against a real S3 server", () => {
  let bucket = "";
  let dropBucket: () => Promise<void> = async () => {};
  let S3 = "";
  const saved = new Map<string, string | undefined>();

  beforeAll(async () => {
    ({ bucket, drop: dropBucket } = await createTestBucket(s3!));
    S3 = `s3:${bucket}`;
  });
  afterAll(() => dropBucket());

  // The harness configures the data dir; S3 settings go on top, so getBlobStore reaches both.
  beforeEach(() => {
    for (const [name, value] of Object.entries(s3ServerEnv(s3!, bucket))) {
      saved.set(name, process.env[name]);
      process.env[name] = value;
    }
    resetConfigForTests();
  });
  afterEach(() => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    saved.clear();
    resetConfigForTests();
  });

  it("copies every version fs → s3, switches the rows, keeps the source by default", async () => {
    const big = randomBytes(9 * 1024 * 1024 + 123); // over the S3 driver's 8 MiB part size: a multipart put
    const rows = await publishAll(["alpha", "beta", big, Buffer.alloc(0)]);
    const progress: TMigrateProgress[] = [];

    const summary = await migrateBlobs(h.db, { from: "fs", to: S3, batchSize: 3, onProgress: (p) => progress.push(p) });

    expect(summary).toMatchObject({
      from: "fs",
      to: S3,
      copied: 4,
      bytes: 5 + 4 + big.length,
      failed: [],
      missing: [],
      skipped: 0,
      remaining: 0,
      aborted: false,
    });
    expect(progress.map((p) => [p.versionId, p.outcome, p.processed])).toEqual(rows.map((r, i) => [r.id, "copied", i + 1]));
    for (const row of await versionRows()) {
      expect(row.backend).toBe(S3);
      expect(await sha256At(S3, row.storageKey)).toBe(row.sha256);
      expect(sha256(await readBlobFile(h, row.storageKey))).toBe(row.sha256);
    }
    // Nothing left to do: a rerun copies nothing.
    expect(await migrateBlobs(h.db, { from: "fs", to: S3 })).toMatchObject({ copied: 0, remaining: 0, failed: [], missing: [] });
  });

  it("deletes each source copy with deleteSource, and brings everything back s3 → fs", async () => {
    const rows = await publishAll(["one", "two", randomBytes(300_000)]);

    expect(await migrateBlobs(h.db, { from: "fs", to: S3, deleteSource: true })).toMatchObject({ copied: 3, remaining: 0 });
    for (const row of rows) {
      expect(await getBlobStore("fs").exists(row.storageKey)).toBe(false);
      expect(await sha256At(S3, row.storageKey)).toBe(row.sha256);
    }

    expect(await migrateBlobs(h.db, { from: S3, to: "fs", deleteSource: true, batchSize: 1 })).toMatchObject({
      copied: 3,
      remaining: 0,
      failed: [],
      missing: [],
    });
    for (const row of await versionRows()) {
      expect(row.backend).toBe("fs");
      expect(sha256(await readBlobFile(h, row.storageKey))).toBe(row.sha256);
      expect(await getBlobStore(S3).exists(row.storageKey)).toBe(false);
    }
  });

  it("stops after --limit versions; a rerun finishes the rest", async () => {
    const rows = await publishAll(["a", "b", "c", "d", "e"]);

    const first = await migrateBlobs(h.db, { from: "fs", to: S3, limit: 2, batchSize: 10 });
    expect(first).toMatchObject({ copied: 2, remaining: 3 });
    expect((await versionRows()).map((r) => r.backend)).toEqual([S3, S3, "fs", "fs", "fs"]);

    const second = await migrateBlobs(h.db, { from: "fs", to: S3, batchSize: 2 });
    expect(second).toMatchObject({ copied: 3, remaining: 0, failed: [], missing: [] });
    for (const row of rows) expect(await sha256At(S3, row.storageKey)).toBe(row.sha256);
  });

  it("stops when the signal aborts and reports it; a rerun finishes the rest", async () => {
    await publishAll(["a", "b", "c"]);
    const controller = new AbortController();
    const first = await migrateBlobs(h.db, { from: "fs", to: S3, signal: controller.signal, onProgress: () => controller.abort() });
    expect(first).toMatchObject({ copied: 1, remaining: 2, aborted: true });

    expect(await migrateBlobs(h.db, { from: "fs", to: S3 })).toMatchObject({ copied: 2, remaining: 0, aborted: false });
    expect((await versionRows()).every((r) => r.backend === S3)).toBe(true);
  });

  it("abandons the copy in flight when the signal aborts, leaving its row on fs", async () => {
    const [row] = await publishAll(["stalls"]);
    const controller = new AbortController();
    // A source that sends a few bytes and then stalls, as a slow disk or network would.
    const getStore = (backend: string): BlobStore => {
      const store = getBlobStore(backend);
      if (backend !== "fs") return store;
      return {
        ...store,
        get: async () => {
          const stalled = new Readable({ read() {} });
          stalled.push("sta");
          setTimeout(() => controller.abort(), 50);
          return stalled;
        },
      };
    };
    const summary = await migrateBlobs(h.db, { from: "fs", to: S3, signal: controller.signal, getStore });
    expect(summary).toMatchObject({ copied: 0, failed: [], remaining: 1, aborted: true });
    expect(await getBlobStore(S3).exists(row!.storageKey)).toBe(false);
  });

  it("stops on a storage outage with a clear error; a rerun overwrites what the interrupted copy left", async () => {
    const rows = await publishAll(["a", "b", "c", "d"]);
    // The third put lands its bytes, then the store "goes away" before the row is switched.
    const getStore = wrapTargetPut(S3, async (_key, call) => {
      if (call === 3) throw new BlobStoreUnavailableError("S3 storage unavailable (injected)");
    });

    const e = await stowageError(() => migrateBlobs(h.db, { from: "fs", to: S3, getStore }), "ARTIFACT_STORAGE_UNAVAILABLE", 503);
    expect(e.message).toMatch(new RegExp(`copy to ${S3} failed for version ${rows[2]!.id}: S3 storage unavailable \\(injected\\)`));
    expect(e.message).toContain("2 version(s) were moved before the stop; run the migration again to resume");
    expect(e.details.summary).toMatchObject({ copied: 2, remaining: 2 });
    expect((await versionRows()).map((r) => r.backend)).toEqual([S3, S3, "fs", "fs"]);
    // What the interrupted run left at the target key is not what the row records.
    await getBlobStore(S3).put(rows[2]!.storageKey, body("left over by a crash"));

    expect(await migrateBlobs(h.db, { from: "fs", to: S3 })).toMatchObject({ copied: 2, remaining: 0, failed: [], missing: [] });
    for (const row of await versionRows()) {
      expect(row.backend).toBe(S3);
      expect(await sha256At(S3, row.storageKey)).toBe(row.sha256);
    }
  });

  it("reports a corrupted source as failed, leaves its row on fs and nothing at the target", async () => {
    const rows = await publishAll(["good", "same length", "short"]);
    await writeFile(fsPath(rows[1]!.storageKey), "SAME LENGTH"); // same size, other bytes
    await writeFile(fsPath(rows[2]!.storageKey), "longer than recorded");

    const summary = await migrateBlobs(h.db, { from: "fs", to: S3 });

    expect(summary).toMatchObject({ copied: 1, remaining: 2, missing: [] });
    expect(summary.failed).toEqual([
      {
        versionId: rows[1]!.id,
        reason: expect.stringMatching(
          new RegExp(`^sha256 mismatch: recorded ${rows[1]!.sha256}, the source bytes hash to ${sha256("SAME LENGTH")}$`),
        ),
      },
      { versionId: rows[2]!.id, reason: "size mismatch: recorded 5 bytes, the source holds more" },
    ]);
    expect((await versionRows()).map((r) => r.backend)).toEqual([S3, "fs", "fs"]);
    expect(await getBlobStore(S3).exists(rows[1]!.storageKey)).toBe(false);
    expect(await getBlobStore(S3).exists(rows[2]!.storageKey)).toBe(false);
  });

  it("reports a truncated source as a size mismatch", async () => {
    const [row] = await publishAll(["twelve bytes"]);
    await writeFile(fsPath(row!.storageKey), "twelve");
    const summary = await migrateBlobs(h.db, { from: "fs", to: S3, deleteSource: true });
    expect(summary.failed).toEqual([{ versionId: row!.id, reason: "size mismatch: recorded 12 bytes, the source holds 6" }]);
    // deleteSource never touches a source whose row did not move.
    expect((await readBlobFile(h, row!.storageKey)).toString()).toBe("twelve");
  });

  it("reports a missing source blob as missing and leaves its row alone", async () => {
    const rows = await publishAll(["a", "b", "c"]);
    await unlink(fsPath(rows[1]!.storageKey));

    const summary = await migrateBlobs(h.db, { from: "fs", to: S3 });

    expect(summary).toMatchObject({ copied: 2, failed: [], remaining: 1 });
    expect(summary.missing).toEqual([{ versionId: rows[1]!.id, storageKey: rows[1]!.storageKey }]);
    expect((await versionRows()).map((r) => r.backend)).toEqual([S3, "fs", S3]);
  });

  it("removes its copy when the version is deleted during the copy", async () => {
    const rows = await publishAll(["doomed"]);
    // Injected: a concurrent delete between the put and the row switch cannot be timed otherwise.
    const getStore = wrapTargetPut(S3, async () => {
      await h.db.artifactVersion.delete({ where: { id: rows[0]!.id } });
    });
    expect(await migrateBlobs(h.db, { from: "fs", to: S3, getStore })).toMatchObject({ copied: 0, skipped: 1, remaining: 0 });
    expect(await getBlobStore(S3).exists(rows[0]!.storageKey)).toBe(false);
  });

  it("keeps the target copy when another migrator switched the row first", async () => {
    const rows = await publishAll(["contested"]);
    const getStore = wrapTargetPut(S3, async () => {
      await h.db.artifactVersion.update({ where: { id: rows[0]!.id }, data: { backend: S3 } });
    });
    expect(await migrateBlobs(h.db, { from: "fs", to: S3, getStore, deleteSource: true })).toMatchObject({ copied: 0, skipped: 1 });
    expect(await sha256At(S3, rows[0]!.storageKey)).toBe(rows[0]!.sha256);
    // The other migrator owns the source deletion.
    expect(await getBlobStore("fs").exists(rows[0]!.storageKey)).toBe(true);
  });

  describe("the migrate-storage command", () => {
    /** `npm run stowage-admin -- migrate-storage …` on the harness's database and data dir. */
    function cli(...args: string[]) {
      const result = spawnSync(
        process.execPath,
        ["--import", "./scripts/register-hooks.mjs", "scripts/stowage-admin.ts", "migrate-storage", ...args],
        {
          cwd: root,
          env: {
            ...process.env,
            ...s3ServerEnv(s3!, bucket),
            DATABASE_URL: `file:${path.join(h.dir, "stowage.db")}`,
            STOWAGE_DATA_DIR: h.dir,
          },
          encoding: "utf8",
          timeout: 60_000,
        },
      );
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    }

    it("migrates, prints progress to stderr and the summary to stdout, and fails on missing bytes", async () => {
      const rows = await publishAll(["a", "b", "c"]);

      const first = cli("--from", "fs", "--to", "s3", "--limit", "1");
      expect(first.stderr).toContain(`migrating versions from fs to ${S3}`);
      expect(first.status, first.stderr).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({ from: "fs", to: S3, copied: 1, bytes: 1, remaining: 2, failed: [], missing: [] });

      await unlink(fsPath(rows[2]!.storageKey));
      const second = cli("--from", "fs", "--to", `s3:${bucket}`, "--batch", "1", "--delete-source");
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(`missing ${rows[2]!.id}`);
      expect(JSON.parse(second.stdout)).toMatchObject({ copied: 1, remaining: 1, missing: [{ versionId: rows[2]!.id }] });
      expect((await versionRows()).map((r) => r.backend)).toEqual([S3, S3, "fs"]);
      expect(await getBlobStore("fs").exists(rows[1]!.storageKey)).toBe(false);
    });

    it("explains bad arguments", () => {
      const unknown = cli("--from", "fs", "--to", "gcs");
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain('ARTIFACT_VALIDATION_FAILED: unknown storage backend "gcs"');
      const noFrom = cli("--to", "s3");
      expect(noFrom.status).toBe(2);
      expect(noFrom.stderr).toContain("missing --from");
      expect(noFrom.stderr).toContain("migrate-storage --from");
      const badBatch = cli("--from", "fs", "--to", "s3", "--batch", "0");
      expect(badBatch.status).toBe(2);
      expect(badBatch.stderr).toContain("--batch must be a whole number of at least 1");
    });
  });
});
