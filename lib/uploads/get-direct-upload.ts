import "server-only";
import type { Db } from "../db/client.ts";
import type { TPrincipal } from "../access/principal.ts";
import { storageUnavailable } from "../artifacts/publish-artifact.ts";
import { BlobStoreUnavailableError } from "../storage/blob-store.ts";
import { getBlobStore } from "../storage/get-blob-store.ts";
import { findDirectUploadOrThrow, toDirectUploadDto } from "./direct-upload-dto.ts";

/** An upload's state and, while it is open, the parts already stored: what a resuming client needs. */
export async function getDirectUpload(db: Db, principal: TPrincipal, uploadId: string) {
  const upload = await findDirectUploadOrThrow(db, principal, uploadId);
  if (upload.status !== "pending") return toDirectUploadDto(upload);
  try {
    return toDirectUploadDto(upload, await getBlobStore(upload.backend).multipart.listParts(upload.storageKey, upload.backendUploadId));
  } catch (error) {
    if (error instanceof BlobStoreUnavailableError) throw storageUnavailable();
    throw error;
  }
}
