import "server-only";
import type { Db } from "../db/client.ts";
import type { BlobStore } from "../storage/blob-store.ts";
import { getBlobStore } from "../storage/get-blob-store.ts";
import type { TLease } from "./with-lease.ts";

export type TPendingDeleteOptions = {
  /** Only these outbox rows (what a user's delete just queued); every row when omitted. */
  ids?: string[];
  /** Where stores come from; tests wrap them to inject faults. */
  getStore?: (backend: string) => BlobStore;
  /** The sweep's lease: checked between batches, so a sweep that lost it stops. */
  lease?: TLease;
  /** At most 900: one IN list of ids. */
  batchSize?: number;
};

/** Deletes in flight at once: enough to hide S3 round trips, few enough to be gentle. */
const CONCURRENCY = 8;

/**
 * Deletes the bytes queued in the outbox (PendingBlobDelete), oldest first, each row once per
 * call. A deleted blob's row goes; a failed delete stays with attempts + 1 and its error, and is
 * retried by the next sweep. Deleting bytes that are already gone succeeds, so a retry after a
 * crash between the delete and the row's removal is harmless.
 */
export async function processPendingDeletes(db: Db, options: TPendingDeleteOptions = {}): Promise<{ deleted: number; failed: number }> {
  const { ids, getStore = getBlobStore, lease, batchSize = 100 } = options;
  let deleted = 0;
  let failed = 0;
  for (let after: string | undefined, chunk = 0; ;) {
    lease?.assertHeld();
    // Given ids go batchSize at a time (SQLite allows 999 parameters a query); else the whole outbox.
    const rows = ids
      ? await db.pendingBlobDelete.findMany({ where: { id: { in: ids.slice(chunk, (chunk += batchSize)) } }, orderBy: { id: "asc" } })
      : await db.pendingBlobDelete.findMany({ where: after ? { id: { gt: after } } : {}, orderBy: { id: "asc" }, take: batchSize });
    const done: string[] = [];
    const failures: { id: string; error: string }[] = [];
    for (let i = 0; i < rows.length; i += CONCURRENCY) {
      await Promise.all(
        rows.slice(i, i + CONCURRENCY).map(async (row) => {
          try {
            await getStore(row.backend).delete(row.storageKey);
            done.push(row.id);
          } catch (error) {
            failures.push({ id: row.id, error: error instanceof Error ? error.message : String(error) });
          }
        }),
      );
    }
    if (done.length) await db.pendingBlobDelete.deleteMany({ where: { id: { in: done } } });
    for (const f of failures) {
      await db.pendingBlobDelete.updateMany({
        where: { id: f.id },
        data: { attempts: { increment: 1 }, lastError: f.error.slice(0, 1000) },
      });
    }
    deleted += done.length;
    failed += failures.length;
    if (ids ? chunk >= ids.length : rows.length < batchSize) return { deleted, failed };
    after = rows[rows.length - 1]?.id;
  }
}
