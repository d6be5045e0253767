import { startUploadOp } from "@/lib/api-contract/uploads";
import { getConfig } from "@/lib/config";
import { readBody } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";
import { readUploadHeaders } from "@/lib/http/upload-headers";
import { getWriteBlobStore } from "@/lib/storage/get-blob-store";
import { startDirectUpload } from "@/lib/uploads/start-direct-upload";
import { withProducerDefaults } from "@/lib/lineage/producer-headers";

// POST /api/v1/uploads – open a direct upload of a large file sent in parts (up to 100 GB)
export const POST = apiRoute(async ({ req, db, principal }) => {
  const { size, sha256, partSize, filename, contentType, ...fields } = await readBody(req, startUploadOp);
  const { ifMatch, ifNoneMatch, ifNoneMatchSha256, idempotencyKey } = readUploadHeaders(req.headers);
  const upload = await startDirectUpload(db, getWriteBlobStore(), principal, getConfig().directUploadMaxBytes, {
    fields: withProducerDefaults(req.headers, fields),
    filename,
    contentType,
    size,
    sha256,
    partSize,
    ifMatch,
    ifNoneMatch,
    ifNoneMatchSha256,
    idempotencyKey,
  });
  return json(upload, { status: 201, headers: { Location: `/api/v1/uploads/${upload.id}` } });
});
