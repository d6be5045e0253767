import "server-only";
import { addAbortSignal, type Readable } from "node:stream";
import type { TConfig } from "../config.ts";
import type { Db } from "../db/client.ts";
import { StowageError, validationFailed } from "../errors.ts";
import { BlobNotFoundError, BlobStoreUnavailableError, BlobTooLargeError, type BlobStore } from "./blob-store.ts";
import { getBlobStore } from "./get-blob-store.ts";

export type TMigrateOptions = {
  /** Backend ids as recorded on versions: "fs" or "s3:<bucket>" (see resolveBackendName). */
  from: string;
  to: string;
  /** Rows read per query; memory stays bounded by this, not by the number of versions. */
  batchSize?: number;
  /** Delete each source object once its row points at the target. */
  deleteSource?: boolean;
  /** Examine at most this many versions in this run (copied, failed and missing all count). */
  limit?: number;
  onProgress?: (p: TMigrateProgress) => void;
  /** Stops the run (the current copy is abandoned, its row untouched); the summary says `aborted`. */
  signal?: AbortSignal;
  /** Where stores come from; tests wrap them to inject faults. */
  getStore?: (backend: string) => BlobStore;
};

export type TMigrateOutcome = "copied" | "failed" | "missing" | "skipped";

export type TMigrateProgress = {
  versionId: string;
  outcome: TMigrateOutcome;
  /** Why it failed, for "failed". */
  reason?: string;
  /** Versions examined so far in this run. */
  processed: number;
  copied: number;
  bytes: number;
  failed: number;
  missing: number;
};

export type TMigrateSummary = {
  from: string;
  to: string;
  copied: number;
  bytes: number;
  failed: { versionId: string; reason: string }[];
  missing: { versionId: string; storageKey: string }[];
  /** Rows that changed under the run (deleted, or moved by another migrator) and were left alone. */
  skipped: number;
  /** Versions still recorded on `from` after the run (failed and missing ones included). */
  remaining: number;
  aborted: boolean;
};

type TRow = { id: string; storageKey: string; sha256: string; sizeBytes: bigint };

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** The CLI's words for a store ("fs", "s3" for the configured bucket, "s3:<bucket>") as backend ids. */
export function resolveBackendName(name: string, config: Pick<TConfig, "s3">): string {
  if (name === "fs") return "fs";
  if (name === "s3" || name.startsWith("s3:")) {
    if (!config.s3) throw validationFailed(`storage backend "${name}" needs S3 configured (S3_BUCKET, S3_ENDPOINT, credentials)`);
    if (name === "s3") return `s3:${config.s3.bucket}`;
    if (!BUCKET.test(name.slice(3))) throw validationFailed(`storage backend "${name}": "${name.slice(3)}" is not a valid bucket name`);
    return name;
  }
  throw validationFailed(`unknown storage backend "${name}" (known: fs, s3, s3:<bucket>)`);
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A store outage stops the run: every later copy would fail the same way. */
function stopped(stage: string, versionId: string, error: unknown, summary: TMigrateSummary): StowageError {
  return new StowageError(
    "ARTIFACT_STORAGE_UNAVAILABLE",
    `migration stopped: ${stage} for version ${versionId}: ${reasonOf(error)}. ${summary.copied} version(s) were moved before the stop; run the migration again to resume`,
    { summary },
  );
}

/**
 * Moves the bytes of every version recorded on `from` to `to`, keeping each storage key, and
 * switches the version rows one by one. Safe to interrupt and rerun at any point: a row is
 * switched only after its bytes are verified at the target, and a rerun picks up exactly the
 * rows still on `from`.
 */
export async function migrateBlobs(db: Db, options: TMigrateOptions): Promise<TMigrateSummary> {
  const { from, to, deleteSource = false, limit, onProgress, signal, getStore = getBlobStore } = options;
  const batchSize = options.batchSize ?? 100;
  if (from === to) throw validationFailed(`source and target are the same backend ("${from}")`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw validationFailed("batch size must be a positive integer");
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) throw validationFailed("limit must be a non-negative integer");
  const source = getStore(from);
  const target = getStore(to);

  const summary: TMigrateSummary = { from, to, copied: 0, bytes: 0, failed: [], missing: [], skipped: 0, remaining: 0, aborted: false };
  let processed = 0;
  const report = (versionId: string, outcome: TMigrateOutcome, reason?: string) => {
    processed++;
    const { copied, bytes, failed, missing } = summary;
    onProgress?.({ versionId, outcome, reason, processed, copied, bytes, failed: failed.length, missing: missing.length });
  };

  /** Whether the row is still ours to move; when not, someone else decided its fate. */
  const stillOnSource = async (id: string) => (await db.artifactVersion.count({ where: { id, backend: from } })) > 0;

  async function migrateOne(row: TRow): Promise<void> {
    const expectedSize = Number(row.sizeBytes);
    const skip = () => {
      summary.skipped++;
      report(row.id, "skipped");
    };
    /** Leaves the row on `from` and removes whatever this run put at the target. */
    const fail = async (reason: string) => {
      await target.delete(row.storageKey).catch(() => undefined);
      summary.failed.push({ versionId: row.id, reason });
      report(row.id, "failed", reason);
    };

    let body: Readable;
    try {
      body = await source.get(row.storageKey);
    } catch (error) {
      if (error instanceof BlobStoreUnavailableError) throw stopped(`source ${from} unavailable`, row.id, error, summary);
      if (!(error instanceof BlobNotFoundError)) return fail(`cannot read the source: ${reasonOf(error)}`);
      // A version deleted (or moved) meanwhile takes its bytes with it: not a loss.
      if (!(await stillOnSource(row.id))) return skip();
      summary.missing.push({ versionId: row.id, storageKey: row.storageKey });
      return report(row.id, "missing");
    }

    let put: { size: number; sha256: string };
    try {
      if (signal) addAbortSignal(signal, body);
      // A plain put: an interrupted earlier run may have left an object at this key already.
      // maxBytes stops a source that is larger than recorded without copying all of it.
      put = await target.put(row.storageKey, body, { maxBytes: expectedSize });
    } catch (error) {
      if (signal?.aborted) return;
      if (error instanceof BlobStoreUnavailableError) throw stopped(`copy to ${to} failed`, row.id, error, summary);
      if (error instanceof BlobTooLargeError) return fail(`size mismatch: recorded ${expectedSize} bytes, the source holds more`);
      return fail(`copy failed: ${reasonOf(error)}`);
    } finally {
      body.destroy();
    }

    if (put.size !== expectedSize) return fail(`size mismatch: recorded ${expectedSize} bytes, the source holds ${put.size}`);
    if (put.sha256 !== row.sha256) return fail(`sha256 mismatch: recorded ${row.sha256}, the source bytes hash to ${put.sha256}`);
    try {
      // Read back what the target says it holds before the row (and perhaps the source) commits to it.
      const stored = await target.stat(row.storageKey);
      if (stored?.size !== expectedSize)
        return fail(`the target holds ${stored ? `${stored.size} bytes` : "nothing"} after the copy, expected ${expectedSize}`);
    } catch (error) {
      if (error instanceof BlobStoreUnavailableError) throw stopped(`target ${to} unavailable`, row.id, error, summary);
      return fail(`cannot check the copy: ${reasonOf(error)}`);
    }

    // Conditional: a concurrent delete or another migrator must not be overwritten.
    const { count } = await db.artifactVersion.updateMany({ where: { id: row.id, backend: from }, data: { backend: to } });
    if (count === 0) {
      const now = await db.artifactVersion.findUnique({ where: { id: row.id }, select: { backend: true } });
      // Another migrator moved it to the same place: that copy is the row's now, keep it.
      if (now?.backend !== to) await target.delete(row.storageKey).catch(() => undefined);
      return skip();
    }
    summary.copied++;
    summary.bytes += expectedSize;
    if (deleteSource) {
      try {
        await source.delete(row.storageKey);
      } catch (error) {
        throw stopped(`version moved to ${to}, but deleting its old copy on ${from} failed`, row.id, error, summary);
      }
    }
    report(row.id, "copied");
  }

  // Walk by id: rows switched by this run drop out of the filter, so the cursor (not an offset)
  // keeps the walk correct; failed and missing rows stay behind it.
  async function walk(): Promise<void> {
    let cursor: string | undefined;
    for (;;) {
      const take = limit === undefined ? batchSize : Math.min(batchSize, limit - processed);
      if (take <= 0) return;
      const rows: TRow[] = await db.artifactVersion.findMany({
        where: { backend: from, ...(cursor === undefined ? {} : { id: { gt: cursor } }) },
        orderBy: { id: "asc" },
        take,
        select: { id: true, storageKey: true, sha256: true, sizeBytes: true },
      });
      for (const row of rows) {
        if (signal?.aborted) return;
        await migrateOne(row);
        cursor = row.id;
      }
      if (rows.length < take) return;
    }
  }

  const countRemaining = () => db.artifactVersion.count({ where: { backend: from } });
  try {
    await walk();
  } catch (error) {
    // The partial summary travels with the outage error: make its count true as well.
    if (error instanceof StowageError && error.details.summary === summary) summary.remaining = await countRemaining().catch(() => 0);
    throw error;
  }
  summary.aborted = signal?.aborted ?? false;
  summary.remaining = await countRemaining();
  return summary;
}
