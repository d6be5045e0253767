import "server-only";
import type { Db } from "../db/client.ts";
import { releaseReservationNow } from "../quota/reserve-quota.ts";
import { getBlobStore } from "../storage/get-blob-store.ts";
import { discardBlob } from "../gc/discard-blob.ts";

const BATCH = 100;

/**
 * Closes uploads whose time ran out (never completed, or a completer that died) and deletes
 * their parts and any joined-but-uncommitted bytes (the key belongs to the upload alone; bytes a
 * version already points at stay). Conditional claims make two app instances
 * sweeping at once harmless. Returns how many were closed.
 */
export async function sweepDirectUploads(db: Db, now = new Date()): Promise<number> {
  let closed = 0;
  for (;;) {
    const stale = await db.directUpload.findMany({
      where: { status: { in: ["pending", "completing"] }, expiresAt: { lt: now } },
      orderBy: { expiresAt: "asc" },
      take: BATCH,
    });
    for (const upload of stale) {
      const claim = await db.directUpload.updateMany({ where: { id: upload.id, status: upload.status }, data: { status: "expired" } });
      if (claim.count === 0) continue;
      closed++;
      await releaseReservationNow(db, upload.id);
      const store = getBlobStore(upload.backend);
      await store.multipart.abort(upload.storageKey, upload.backendUploadId).catch(() => undefined);
      // A completer that died after its commit but before marking the upload: the bytes are a version's.
      const committed = await db.artifactVersion.count({ where: { storageKey: upload.storageKey } });
      if (!committed) await discardBlob(db, store, upload.storageKey);
    }
    if (stale.length < BATCH) return closed;
  }
}
