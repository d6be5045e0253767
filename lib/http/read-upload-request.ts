import "server-only";
import type { Readable } from "node:stream";
import { z } from "zod";
import { validationFailed } from "../errors.ts";
import type { TPublishInput } from "../artifacts/publish-artifact.ts";
import { readMultipartUpload } from "./read-multipart-upload.ts";
import { readSearchParams } from "./search-params.ts";
import { readUploadHeaders } from "./upload-headers.ts";

const ZText = z.string().min(1).max(1024);

/** Upload fields that may come in the query string (raw-body uploads, or beside multipart fields). */
export const ZUploadQuery = z.strictObject({
  namespace: ZText.optional(),
  name: z.string().max(4096).optional(),
  sessionId: ZText.optional(),
  runId: ZText.optional(),
  tags: z.string().max(8192).optional(),
  metadata: z.string().max(64 * 1024).optional(),
  expiresAt: z.string().max(64).optional(),
});

/**
 * POST /api/v1/artifacts as publish input: multipart/form-data (fields, then `file`) or a raw
 * body described by the query string and Content-Type. The body stays a stream throughout.
 */
export async function readUploadRequest(url: URL, headers: Headers, body: Readable): Promise<TPublishInput> {
  const preconditions = readUploadHeaders(headers);
  const { query } = readSearchParams(url, ZUploadQuery);
  const contentType = headers.get("content-type");
  if (contentType && /^multipart\/form-data\b/i.test(contentType)) {
    const upload = await readMultipartUpload(contentType, body);
    for (const key of Object.keys(upload.fields)) {
      if (key in query) {
        upload.body.destroy();
        throw validationFailed(`"${key}" was given both in the query string and in the form`, { field: key });
      }
    }
    return {
      fields: { ...query, ...upload.fields },
      filename: upload.filename || undefined,
      contentType: upload.contentType,
      body: upload.body,
      ...preconditions,
      // Content-Length covers the whole form, not the file.
      declaredSize: undefined,
    };
  }
  return { fields: query, contentType, body, ...preconditions };
}
