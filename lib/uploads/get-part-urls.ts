import "server-only";
import type { Db } from "../db/client.ts";
import { StowageError, validationFailed } from "../errors.ts";
import type { TPrincipal } from "../access/principal.ts";
import { serverSignature } from "../access/server-signature.ts";
import { getBlobStore } from "../storage/get-blob-store.ts";
import { findDirectUploadOrThrow, type TDirectUploadRow } from "./direct-upload-dto.ts";
import { expectedPartSize } from "./plan-parts.ts";

export const PART_URL_PURPOSE = "stowage-upload-part-v1";
const MAX_URLS_PER_REQUEST = 1000;

export function assertOpen(upload: TDirectUploadRow): void {
  if (upload.status !== "pending" || upload.expiresAt <= new Date()) {
    const status = upload.status === "pending" ? "expired" : upload.status;
    throw new StowageError("ARTIFACT_UPLOAD_CLOSED", `this upload is ${status} and takes no more parts`, { status });
  }
}

/**
 * Where to PUT each part: presigned S3 URLs when the bytes go to S3, otherwise signed URLs of
 * Stowage's own part route. Either way the URL is the credential (send no Authorization
 * header), so clients have one code path. URLs never outlive the upload.
 */
export async function getPartUrls(
  db: Db,
  principal: TPrincipal,
  uploadId: string,
  partNumbers: number[],
  options: { maxSeconds: number; baseUrl: string },
) {
  const upload = await findDirectUploadOrThrow(db, principal, uploadId);
  assertOpen(upload);
  if (partNumbers.length === 0 || partNumbers.length > MAX_URLS_PER_REQUEST) {
    throw validationFailed(`ask for 1 to ${MAX_URLS_PER_REQUEST} part numbers at a time`, { field: "partNumbers" });
  }
  const bad = partNumbers.find((n) => !Number.isInteger(n) || n < 1 || n > upload.partCount);
  if (bad !== undefined)
    throw validationFailed(`part numbers run from 1 to ${upload.partCount}; ${bad} is not one`, { field: "partNumbers" });

  const seconds = Math.max(1, Math.min(options.maxSeconds, Math.floor((upload.expiresAt.getTime() - Date.now()) / 1000)));
  const expires = Math.floor(Date.now() / 1000) + seconds;
  const store = getBlobStore(upload.backend);
  const base = options.baseUrl.replace(/\/$/, "");
  const parts = [];
  for (const partNumber of [...new Set(partNumbers)].sort((a, b) => a - b)) {
    const presigned = await store.multipart.partUrl(upload.storageKey, upload.backendUploadId, partNumber, seconds);
    const url =
      presigned ??
      `${base}/api/v1/uploads/${upload.id}/parts/${partNumber}?expires=${expires}&signature=${await serverSignature(db, [PART_URL_PURPOSE, upload.id, partNumber, expires])}`;
    parts.push({ partNumber, url, method: "PUT" as const, size: expectedPartSize(upload, partNumber) });
  }
  return { expiresAt: new Date(expires * 1000).toISOString(), parts };
}
