import "server-only";
import type { Db } from "../db/client.ts";
import type { BlobStore } from "../storage/blob-store.ts";
import type { TLease } from "./with-lease.ts";

export type TOrphanSweep = { examined: number; deleted: number; failed: number };

/** Where version bytes live: v1/<namespace id>/<id> (newStorageKey). */
const VERSION_PREFIX = "v1/";
const CONCURRENCY = 8;

/**
 * Deletes bytes that were stored but never committed (the process died between the blob write
 * and the commit, or a clean-up delete failed): keys under v1/ older than `graceMs` that no
 * version row, no open direct upload and no queued delete refers to, in any backend (a version
 * moved by migrate-storage keeps its key, and the copy left behind stays until the version goes).
 * Only keys of this database's namespaces: a bucket shared with another installation is left alone.
 * Keys are checked `batchSize` at a time while the store is listed, so memory stays flat.
 */
export async function sweepOrphans(
  db: Db,
  store: BlobStore,
  lease: TLease,
  options: { graceMs: number; now?: Date; batchSize?: number },
): Promise<TOrphanSweep> {
  const cutoff = (options.now ?? new Date()).getTime() - options.graceMs;
  // Each batch is one IN list: SQLite allows 999 parameters per query.
  const batchSize = Math.min(options.batchSize ?? 500, 500);
  const result: TOrphanSweep = { examined: 0, deleted: 0, failed: 0 };
  const knownNamespaces = new Map<string, boolean>();
  let batch: string[] = [];

  const reclaim = async () => {
    lease.assertHeld();
    const keys = batch;
    batch = [];
    const unseen = [...new Set(keys.map(namespaceOf))].filter((id) => !knownNamespaces.has(id));
    if (unseen.length) {
      const found = new Set((await db.namespace.findMany({ where: { id: { in: unseen } }, select: { id: true } })).map((n) => n.id));
      for (const id of unseen) knownNamespaces.set(id, found.has(id));
    }
    const ours = keys.filter((key) => knownNamespaces.get(namespaceOf(key)));
    if (!ours.length) return;
    const [versions, uploads, queued] = await Promise.all([
      db.artifactVersion.findMany({ where: { storageKey: { in: ours } }, select: { storageKey: true } }),
      db.directUpload.findMany({
        where: { storageKey: { in: ours }, status: { in: ["pending", "completing"] } },
        select: { storageKey: true },
      }),
      db.pendingBlobDelete.findMany({ where: { storageKey: { in: ours } }, select: { storageKey: true } }),
    ]);
    const referenced = new Set([...versions, ...uploads, ...queued].map((r) => r.storageKey));
    const orphans = ours.filter((key) => !referenced.has(key));
    for (let i = 0; i < orphans.length; i += CONCURRENCY) {
      await Promise.all(
        orphans.slice(i, i + CONCURRENCY).map((key) =>
          store.delete(key).then(
            () => void result.deleted++,
            // Left for the next sweep.
            () => void result.failed++,
          ),
        ),
      );
    }
  };

  for await (const blob of store.list(VERSION_PREFIX)) {
    result.examined++;
    if (blob.lastModified.getTime() > cutoff || !namespaceOf(blob.key)) continue;
    batch.push(blob.key);
    if (batch.length >= batchSize) await reclaim();
  }
  if (batch.length) await reclaim();
  return result;
}

/** The namespace id in v1/<namespace id>/<id>, or "" for a key of another shape. */
function namespaceOf(key: string): string {
  const parts = key.split("/");
  return parts.length >= 3 ? parts[1]! : "";
}
