import "server-only";
import type { Db } from "../db/client.ts";
import { StowageError, validationFailed } from "../errors.ts";
import { newId } from "../ids.ts";
import { requireNamespace } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";
import { checkPreconditionsEarly, newStorageKey, storageUnavailable } from "../artifacts/publish-artifact.ts";
import { prepareFields, type TPublishFields } from "../artifacts/publish-input.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";
import { resolveDerivedFrom } from "../lineage/resolve-derived-from.ts";
import { releaseReservationNow, reserveQuota } from "../quota/reserve-quota.ts";
import { BlobStoreUnavailableError, type BlobStore } from "../storage/blob-store.ts";
import { toDirectUploadDto } from "./direct-upload-dto.ts";
import { planParts } from "./plan-parts.ts";

/** How long a client has to send the parts; the sweep aborts what is left after that. */
export const UPLOAD_LIFETIME_MS = 24 * 3_600_000;

export type TStartDirectUpload = {
  fields: TPublishFields;
  filename?: string;
  contentType?: string;
  size: number;
  sha256?: string;
  partSize?: number;
  ifMatch?: number;
  ifNoneMatch?: boolean;
  /** If-None-Match: "<sha256>": completing publishes nothing when the bytes are the latest version's. */
  ifNoneMatchSha256?: string;
  idempotencyKey?: string;
};

/** What completion needs to publish the version, kept with the upload. */
export type TStoredUploadFields = {
  namespace: string;
  name: string;
  input: Omit<TStartDirectUpload, "size" | "sha256" | "partSize">;
};

/**
 * Opens a multipart upload for a file the client sends in parts, straight to S3 when that is
 * the backend. Everything that can be checked before the bytes move is checked here: access,
 * fields, size, preconditions. Nothing is published until completeDirectUpload.
 */
export async function startDirectUpload(db: Db, store: BlobStore, principal: TPrincipal, maxBytes: number, s: TStartDirectUpload) {
  const input = {
    fields: s.fields,
    filename: s.filename,
    contentType: s.contentType,
    ifMatch: s.ifMatch,
    ifNoneMatch: s.ifNoneMatch,
    ifNoneMatchSha256: s.ifNoneMatchSha256,
    idempotencyKey: s.idempotencyKey,
  };
  const p = prepareFields(input);
  const namespace = await requireNamespace(db, principal, p.namespace, "write");
  if (!Number.isSafeInteger(s.size) || s.size < 1) {
    throw validationFailed("size must be a positive whole number of bytes (send empty files through POST /api/v1/artifacts)", {
      field: "size",
    });
  }
  if (s.size > maxBytes) {
    throw new StowageError("ARTIFACT_TOO_LARGE", `the file exceeds the ${Math.round(maxBytes / 1024 / 1024)} MB limit for direct uploads`, {
      maxBytes,
    });
  }
  if (s.sha256 !== undefined && !/^[0-9a-f]{64}$/.test(s.sha256))
    throw validationFailed("sha256 must be 64 lowercase hex digits", { field: "sha256" });
  const plan = planParts(s.size, s.partSize);
  await checkPreconditionsEarly(db, namespace.id, p, input);
  await resolveDerivedFrom(db, principal, p.derivedFrom);

  // The whole declared size is held for the upload's lifetime (the reservation shares its id).
  const id = newId();
  await reserveQuota(db, principal, namespace, BigInt(s.size), { id, ttlMs: UPLOAD_LIFETIME_MS * 2 });
  const storageKey = newStorageKey(namespace.id);
  let backendUploadId: string;
  try {
    backendUploadId = await store.multipart.start(storageKey);
  } catch (error) {
    await releaseReservationNow(db, id);
    if (error instanceof BlobStoreUnavailableError) throw storageUnavailable();
    throw error;
  }
  const fields: TStoredUploadFields = { namespace: p.namespace, name: p.name, input };
  try {
    const row = await db.directUpload.create({
      data: {
        id,
        namespaceId: namespace.id,
        createdById: principal.identityId,
        backend: store.backend,
        storageKey,
        backendUploadId,
        sizeBytes: BigInt(s.size),
        partSize: plan.partSize,
        partCount: plan.partCount,
        sha256: s.sha256 ?? null,
        fields: JSON.stringify(fields),
        expiresAt: new Date(Date.now() + UPLOAD_LIFETIME_MS),
      },
    });
    await recordAuditEvent(db, {
      actor: principal,
      action: "upload.start",
      namespace: p.namespace,
      details: { uploadId: row.id, name: p.name, sizeBytes: s.size, partCount: plan.partCount, backend: store.backend },
    });
    return toDirectUploadDto(row);
  } catch (error) {
    await store.multipart.abort(storageKey, backendUploadId).catch(() => undefined);
    await releaseReservationNow(db, id);
    throw error;
  }
}
