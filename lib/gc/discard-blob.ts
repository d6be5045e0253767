import "server-only";
import type { Db } from "../db/client.ts";
import { newId } from "../ids.ts";
import type { BlobStore } from "../storage/blob-store.ts";

/**
 * Deletes bytes that no row points at (a publish that failed or was a replay). If the store
 * refuses, the outbox retries; if even that write fails, the orphan sweep still finds them.
 */
export async function discardBlob(db: Db, store: BlobStore, storageKey: string): Promise<void> {
  try {
    await store.delete(storageKey);
  } catch (error) {
    const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    await db.pendingBlobDelete
      .create({ data: { id: newId(), backend: store.backend, storageKey, attempts: 1, lastError } })
      .catch(() => undefined);
  }
}
