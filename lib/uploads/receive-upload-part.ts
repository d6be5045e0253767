import "server-only";
import type { Readable } from "node:stream";
import type { Db } from "../db/client.ts";
import { StowageError, notFound, validationFailed } from "../errors.ts";
import { isValidServerSignature } from "../access/server-signature.ts";
import { storageUnavailable } from "../artifacts/publish-artifact.ts";
import { BlobSizeMismatchError, BlobStoreUnavailableError, BlobTooLargeError } from "../storage/blob-store.ts";
import { getBlobStore } from "../storage/get-blob-store.ts";
import { PART_URL_PURPOSE, assertOpen } from "./get-part-urls.ts";
import { expectedPartSize } from "./plan-parts.ts";

/**
 * A part sent to Stowage itself (backends that cannot take parts straight from clients), through
 * a URL minted by getPartUrls: the signature is the credential. The part must be exactly the
 * planned size; a part sent again replaces the earlier one.
 */
export async function receiveUploadPart(
  db: Db,
  r: {
    uploadId: string;
    partNumber: string;
    expires: string | null;
    signature: string | null;
    contentLength: string | null;
    body: Readable;
  },
) {
  const invalid = () => new StowageError("ARTIFACT_SHARE_LINK_INVALID", "this part upload URL is not valid; ask for a new one");
  if (!/^\d{1,5}$/.test(r.partNumber) || !/^\d{1,12}$/.test(r.expires ?? "") || !r.signature) throw invalid();
  const partNumber = Number(r.partNumber);
  const expires = Number(r.expires);
  if (!(await isValidServerSignature(db, [PART_URL_PURPOSE, r.uploadId, partNumber, expires], r.signature))) throw invalid();
  if (expires * 1000 <= Date.now())
    throw new StowageError("ARTIFACT_SHARE_LINK_INVALID", "this part upload URL has expired; ask for a new one");

  const upload = await db.directUpload.findUnique({ where: { id: r.uploadId } });
  if (!upload) throw notFound("upload");
  assertOpen(upload);
  const size = expectedPartSize(upload, partNumber);
  if (r.contentLength !== String(size)) {
    throw validationFailed(`part ${partNumber} must be exactly ${size} bytes, sent with Content-Length`, {
      field: "Content-Length",
      expectedBytes: size,
    });
  }
  try {
    return await getBlobStore(upload.backend).multipart.putPart(upload.storageKey, upload.backendUploadId, partNumber, r.body, size);
  } catch (error) {
    if (error instanceof BlobStoreUnavailableError) throw storageUnavailable();
    if (error instanceof BlobSizeMismatchError || error instanceof BlobTooLargeError) {
      throw validationFailed(`part ${partNumber} must be exactly ${size} bytes`, { field: "body", expectedBytes: size });
    }
    throw error;
  }
}
