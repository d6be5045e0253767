import "server-only";
import { PassThrough, type Readable } from "node:stream";
import busboy from "busboy";
import { validationFailed } from "../errors.ts";

export type TMultipartFile = { fields: Record<string, string>; filename: string; contentType: string; body: Readable };

const FIELD_NAMES = new Set(["namespace", "name", "sessionId", "runId", "tags", "metadata", "expiresAt"]);

/**
 * Streams a multipart upload without buffering it: resolves as soon as the `file` part starts,
 * with the fields sent before it. Fields must come first (as with S3 POST uploads) because
 * access is checked before any byte is stored. The file stream ends only once the whole
 * request has parsed cleanly, so a malformed tail fails the upload instead of publishing it.
 */
export function readMultipartUpload(contentType: string, source: Readable): Promise<TMultipartFile> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { "content-type": contentType },
        limits: { fields: 20, fieldSize: 64 * 1024, files: 1, parts: 21, fieldNameSize: 100 },
      });
    } catch {
      return reject(validationFailed("malformed multipart/form-data Content-Type (missing boundary?)"));
    }
    const fields: Record<string, string> = {};
    let fileBody: PassThrough | undefined;
    let failure: Error | undefined;
    let fileDone = false;
    let parseDone = false;

    const fail = (error: Error) => {
      failure ??= error;
      if (fileBody) fileBody.destroy(failure);
      else reject(failure);
    };
    const maybeEnd = () => {
      if (fileBody && fileDone && parseDone && !failure) fileBody.end();
    };

    parser.on("field", (name, value, info) => {
      if (fileBody) return fail(validationFailed(`field "${name}" came after the file; send every field before the file part`, { field: name }));
      if (!FIELD_NAMES.has(name)) return fail(validationFailed(`unknown field "${name}"`, { field: name }));
      if (info.valueTruncated) return fail(validationFailed(`field "${name}" is too long`, { field: name }));
      if (name in fields) return fail(validationFailed(`field "${name}" was sent twice`, { field: name }));
      fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      if (name !== "file" || fileBody) {
        stream.resume();
        return fail(validationFailed(fileBody ? "send exactly one file" : `the file part must be named "file", not "${name}"`, { field: name }));
      }
      fileBody = new PassThrough({ highWaterMark: 1024 * 1024 });
      // A failure can destroy the body before anyone reads it (or when no one ever will, because
      // publishing stopped first); readers still get the error, but it must not go unhandled.
      fileBody.on("error", () => undefined);
      // busboy fails the file stream itself when the body ends before the closing boundary.
      stream.on("error", (e) => fail(validationFailed(`malformed multipart body: ${e.message}`)));
      stream.on("end", () => {
        fileDone = true;
        maybeEnd();
      });
      stream.pipe(fileBody, { end: false });
      resolve({ fields, filename: info.filename ?? "", contentType: info.mimeType, body: fileBody });
    });
    const limit = (what: string) => () => fail(validationFailed(`too many ${what} in the multipart body`));
    parser.on("partsLimit", limit("parts"));
    parser.on("filesLimit", limit("files"));
    parser.on("fieldsLimit", limit("fields"));
    parser.on("error", (e) => fail(validationFailed(`malformed multipart body: ${(e as Error).message}`)));
    parser.on("close", () => {
      parseDone = true;
      if (!fileBody) return fail(validationFailed('the multipart body has no "file" part', { field: "file" }));
      maybeEnd();
    });
    source.on("error", (e) => fail(e)).pipe(parser);
  });
}
