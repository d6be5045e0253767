import "server-only";
import type { Db } from "../db/client.ts";
import { StowageError } from "../errors.ts";
import type { TPrincipal } from "../access/principal.ts";
import { releaseReservationNow } from "../quota/reserve-quota.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";
import { getBlobStore } from "../storage/get-blob-store.ts";
import { findDirectUploadOrThrow, toDirectUploadDto } from "./direct-upload-dto.ts";

/** Discards an open upload and its parts. Aborting again is fine; a completed upload stays. */
export async function abortDirectUpload(db: Db, principal: TPrincipal, uploadId: string) {
  const upload = await findDirectUploadOrThrow(db, principal, uploadId);
  const claim = await db.directUpload.updateMany({ where: { id: upload.id, status: "pending" }, data: { status: "aborted" } });
  const now = await db.directUpload.findUniqueOrThrow({ where: { id: upload.id } });
  if (claim.count === 0 && now.status !== "aborted" && now.status !== "expired") {
    throw new StowageError("ARTIFACT_UPLOAD_CLOSED", `this upload is ${now.status} and cannot be aborted`, { status: now.status });
  }
  await releaseReservationNow(db, upload.id);
  if (claim.count === 1) {
    const fields = JSON.parse(upload.fields) as { namespace?: string };
    await recordAuditEvent(db, { actor: principal, action: "upload.abort", namespace: fields.namespace, details: { uploadId: upload.id } });
  }
  // If the store is down the parts stay until the sweep's backstop (removeIncomplete) takes them.
  await getBlobStore(upload.backend)
    .multipart.abort(upload.storageKey, upload.backendUploadId)
    .catch(() => undefined);
  return toDirectUploadDto(now);
}
