import "server-only";
import type { Readable } from "node:stream";
import { validationFailed } from "../errors.ts";
import type { TPublishFields, TPublishInput } from "../artifacts/publish-artifact.ts";
import { uploadArtifactOp } from "../api-contract/artifacts.ts";
import { readMultipartUpload } from "./read-multipart-upload.ts";
import { requestBody } from "./request-body.ts";
import { readSearchParams } from "./search-params.ts";
import { readUploadHeaders } from "./upload-headers.ts";
import { withProducerDefaults } from "../lineage/producer-headers.ts";

/** Publish input plus what must be cleaned up once publishing is over, whatever its outcome. */
export type TUploadRequest = { input: TPublishInput; dispose: () => Promise<void> };

const nothing = async () => undefined;

/**
 * POST /api/v1/artifacts as publish input: multipart/form-data (fields and `file` in any order)
 * or a raw body described by the query string and Content-Type.
 *
 * Multipart costs differ by order. When the namespace (and a name, or a file name) is known by
 * the time the file part starts, the file streams straight into storage; fields after it are
 * applied at commit. When the file comes first, it is spooled to disk under the data dir
 * (bounded by maxBytes) until the rest of the form is read, then published from there: one
 * more write and read of the bytes. Call `dispose` when done: it removes the spool file.
 */
export async function readUploadRequest(
  url: URL,
  headers: Headers,
  body: Readable,
  limits: { dataDir: string; maxBytes: number },
): Promise<TUploadRequest> {
  const preconditions = readUploadHeaders(headers);
  const { query } = readSearchParams(url, uploadArtifactOp.query);
  const contentType = headers.get("content-type");
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) {
    return {
      input: { fields: withProducerDefaults(headers, query), contentType, body: requestBody(body), ...preconditions },
      dispose: nothing,
    };
  }

  const merge = (form: Record<string, string>): TPublishFields => {
    for (const key of Object.keys(form)) {
      if (key in query) throw validationFailed(`"${key}" was given both in the query string and in the form`, { field: key });
    }
    return withProducerDefaults(headers, { ...query, ...form });
  };
  const upload = await readMultipartUpload(contentType, body, {
    ...limits,
    canStream: (before, filename) => {
      const known = { ...query, ...before };
      return known.namespace !== undefined && (known.name !== undefined || filename !== "");
    },
  });
  const common = { filename: upload.filename || undefined, contentType: upload.contentType, ...preconditions };

  if (upload.kind === "spooled") {
    const file = upload.file;
    let fields: TPublishFields;
    try {
      fields = merge(upload.fields);
    } catch (error) {
      await file.remove();
      throw error;
    }
    // Opened only if publishing gets as far as storing the bytes.
    const bytes = (async function* () {
      yield* file.read();
    })();
    return { input: { ...common, fields, body: bytes, declaredSize: file.size, sha256: file.sha256 }, dispose: file.remove };
  }

  let fields: TPublishFields;
  try {
    fields = merge(upload.fields);
  } catch (error) {
    upload.body.destroy();
    throw error;
  }
  const trailingFields = upload.allFields.then(merge);
  // Awaited by publishing only once the body has ended; a failure there fails the body too.
  trailingFields.catch(() => undefined);
  return {
    input: {
      ...common,
      fields,
      body: upload.body,
      trailingFields,
      // Content-Length covers the whole form, not the file.
      declaredSize: undefined,
    },
    dispose: nothing,
  };
}
