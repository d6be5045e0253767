import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "../db/client.ts";
import { StowageError, validationFailed } from "../errors.ts";
import { requireNamespace } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";
import { commitStoredBlob, storageUnavailable } from "../artifacts/publish-artifact.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";
import { prepareFields, type TPublishResult } from "../artifacts/publish-input.ts";
import { ARTIFACT_INCLUDE, VERSION_INCLUDE, toArtifactDto, toVersionDto } from "../artifacts/serialize.ts";
import { isLive } from "../artifacts/find-artifact-or-throw.ts";
import { BlobNotFoundError, BlobStoreUnavailableError, type BlobStore, type UploadedPart } from "../storage/blob-store.ts";
import { releaseReservationNow } from "../quota/reserve-quota.ts";
import { getBlobStore } from "../storage/get-blob-store.ts";
import { discardBlob } from "../gc/discard-blob.ts";
import { findDirectUploadOrThrow, type TDirectUploadRow } from "./direct-upload-dto.ts";
import { assertOpen } from "./get-part-urls.ts";
import { expectedPartSize } from "./plan-parts.ts";
import { UPLOAD_LIFETIME_MS, type TStoredUploadFields } from "./start-direct-upload.ts";

const REPORT_AT_MOST = 100;

/** Which planned parts are missing or of the wrong size; empty lists mean ready to join. */
function checkParts(upload: TDirectUploadRow, parts: UploadedPart[]) {
  const byNumber = new Map(parts.map((p) => [p.partNumber, p]));
  const missing: number[] = [];
  const wrongSize: { partNumber: number; size: number; expectedBytes: number }[] = [];
  for (let n = 1; n <= upload.partCount; n++) {
    const part = byNumber.get(n);
    const expected = expectedPartSize(upload, n);
    if (!part) missing.push(n);
    else if (part.size !== expected) wrongSize.push({ partNumber: n, size: part.size, expectedBytes: expected });
  }
  return { missing, wrongSize };
}

async function hashObject(store: BlobStore, key: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of await store.get(key)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function resultOf(db: Db, upload: TDirectUploadRow): Promise<TPublishResult> {
  const artifact = await db.artifact.findUnique({ where: { id: upload.artifactId! }, include: ARTIFACT_INCLUDE });
  const version = await db.artifactVersion.findUnique({
    where: { artifactId_version: { artifactId: upload.artifactId!, version: upload.version! } },
    include: VERSION_INCLUDE,
  });
  // An expired artifact counts as deleted: it is never served, even before the sweep.
  if (!artifact || !isLive(artifact) || !version)
    throw new StowageError("ARTIFACT_UPLOAD_CLOSED", "this upload was completed, but its version has since been deleted", {
      status: upload.status,
    });
  return { artifact: toArtifactDto(artifact), version: toVersionDto(version), replayed: true };
}

/**
 * Joins the parts, checks the size (and the sha256 the client declared), and publishes the
 * version in one transaction, charging the namespace. Missing or wrong-sized parts leave the
 * upload open, so the client sends them and completes again. Once the parts are joined, a
 * failure deletes the bytes and closes the upload as failed. Completing twice answers the same.
 */
export async function completeDirectUpload(db: Db, principal: TPrincipal, uploadId: string): Promise<TPublishResult> {
  const upload = await findDirectUploadOrThrow(db, principal, uploadId);
  if (upload.status === "completed") return resultOf(db, upload);
  assertOpen(upload);
  const fields = JSON.parse(upload.fields) as TStoredUploadFields;
  const p = prepareFields(fields.input);
  // Access is checked again: it may have been revoked while the parts were on their way.
  const namespace = await requireNamespace(db, principal, p.namespace, "write");

  // One completer at a time; it gets a fresh window so the sweep leaves it alone meanwhile.
  const claim = await db.directUpload.updateMany({
    where: { id: upload.id, status: "pending" },
    data: { status: "completing", expiresAt: new Date(Date.now() + UPLOAD_LIFETIME_MS) },
  });
  if (claim.count === 0) {
    const now = await db.directUpload.findUniqueOrThrow({ where: { id: upload.id } });
    if (now.status === "completed") return resultOf(db, now);
    throw new StowageError("ARTIFACT_UPLOAD_CLOSED", `this upload is ${now.status}`, { status: now.status });
  }
  const reopen = () => db.directUpload.update({ where: { id: upload.id }, data: { status: "pending", expiresAt: upload.expiresAt } });
  const fail = async (why: string) => {
    await db.directUpload.update({ where: { id: upload.id }, data: { status: "failed", failure: why } });
    await releaseReservationNow(db, upload.id);
  };
  const store = getBlobStore(upload.backend);

  let size: number;
  let sha256: string | undefined;
  try {
    let parts: UploadedPart[] | undefined;
    try {
      parts = await store.multipart.listParts(upload.storageKey, upload.backendUploadId);
    } catch (error) {
      // An earlier completion may have joined the parts and lost its answer: the object is there.
      if (!(error instanceof BlobNotFoundError) || !(await store.stat(upload.storageKey))) throw error;
    }
    if (parts) {
      const { missing, wrongSize } = checkParts(upload, parts);
      if (missing.length || wrongSize.length) {
        throw validationFailed(
          `${missing.length} part(s) missing and ${wrongSize.length} of the wrong size; send them and complete again`,
          {
            missingParts: missing.slice(0, REPORT_AT_MOST),
            missingCount: missing.length,
            wrongSizeParts: wrongSize.slice(0, REPORT_AT_MOST),
          },
        );
      }
      ({ size, sha256 } = await store.multipart.complete(upload.storageKey, upload.backendUploadId, parts));
    } else {
      size = (await store.stat(upload.storageKey))!.size;
    }
  } catch (error) {
    await reopen();
    if (error instanceof BlobStoreUnavailableError) throw storageUnavailable();
    throw error;
  }

  try {
    if (size !== Number(upload.sizeBytes))
      throw validationFailed(`the parts hold ${size} bytes, not the ${upload.sizeBytes} declared`, { field: "size" });
    sha256 ??= await hashObject(store, upload.storageKey);
    if (upload.sha256 && sha256 !== upload.sha256) {
      throw validationFailed("the uploaded bytes do not match the declared sha256", {
        field: "sha256",
        expected: upload.sha256,
        actual: sha256,
      });
    }
  } catch (error) {
    if (error instanceof BlobStoreUnavailableError) {
      // The joined object stays: completing again finds it and verifies it then.
      await reopen();
      throw storageUnavailable();
    }
    await discardBlob(db, store, upload.storageKey);
    await fail((error as Error).message);
    throw error;
  }

  let result: TPublishResult;
  try {
    result = await commitStoredBlob(db, store, {
      principal,
      p,
      input: fields.input,
      namespace,
      storageKey: upload.storageKey,
      stored: { size, sha256 },
      reservationId: upload.id,
      audit: { via: "direct-upload", extra: { uploadId: upload.id } },
    });
  } catch (error) {
    // commitStoredBlob has removed the bytes and given the quota back.
    await db.directUpload.update({ where: { id: upload.id }, data: { status: "failed", failure: (error as Error).message } });
    throw error;
  }
  await db.directUpload.update({
    where: { id: upload.id },
    data: { status: "completed", completedAt: new Date(), artifactId: result.artifact.id, version: result.version.version },
  });
  await recordAuditEvent(db, {
    actor: principal,
    action: "upload.complete",
    namespace: p.namespace,
    artifactId: result.artifact.id,
    version: result.version.version,
    details: { uploadId: upload.id, ...(result.unchanged ? { unchanged: true } : {}) },
  });
  return result;
}
