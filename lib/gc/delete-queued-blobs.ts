import "server-only";
import type { Db } from "../db/client.ts";
import { processPendingDeletes } from "./process-pending-deletes.ts";

/**
 * Deletes the bytes a delete just queued (releaseVersions), right after its transaction. Never
 * throws: the rows are gone already, and whatever is left in the outbox the next sweep deletes.
 */
export async function deleteQueuedBlobs(db: Db, pendingIds: string[]): Promise<void> {
  // Most publishes queue nothing: no query for them.
  if (pendingIds.length === 0) return;
  await processPendingDeletes(db, { ids: pendingIds }).catch((error) => {
    console.error("Stowage: deleting blobs failed; the sweep retries them:", (error as Error).message);
  });
}
