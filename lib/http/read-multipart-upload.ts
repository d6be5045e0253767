import "server-only";
import { PassThrough, type Readable } from "node:stream";
import busboy from "busboy";
import { StowageError, validationFailed } from "../errors.ts";
import { PUBLISH_TEXT_FIELDS } from "../api-contract/publish-fields.ts";
import { SpoolTooLargeError, spoolFile, type TSpooledFile } from "./upload-spool.ts";

type TFields = Record<string, string>;

/** Streamed: the file body as it arrives; `allFields` adds any fields sent after the file. */
export type TStreamedPart = {
  kind: "stream";
  fields: TFields;
  filename: string;
  contentType: string;
  body: Readable;
  /** Every field, once the whole form has parsed cleanly (before `body` ends). */
  allFields: Promise<TFields>;
};

/** Spooled: the whole form has been read; the file waits on disk. */
export type TSpooledPart = { kind: "spooled"; fields: TFields; filename: string; contentType: string; file: TSpooledFile };

export type TMultipartUpload = TStreamedPart | TSpooledPart;

export type TMultipartOptions = {
  /**
   * Asked when the file part starts, with the fields sent before it: true streams the file on
   * (the caller knows enough to check access and hold quota now), false spools it.
   */
  canStream: (fieldsBefore: TFields, filename: string) => boolean;
  dataDir: string;
  maxBytes: number;
};

const FIELD_NAMES = new Set(Object.keys(PUBLISH_TEXT_FIELDS));

const tooLarge = (maxBytes: number) =>
  new StowageError("ARTIFACT_TOO_LARGE", `the upload exceeds the ${Math.round(maxBytes / 1024 / 1024)} MB limit`, { maxBytes });

/** The spool's own disk failing is the store's problem (503), anything else a broken form. */
const spoolFailure = (error: NodeJS.ErrnoException) =>
  error.code && /^E[A-Z]+$/.test(error.code) && error.code !== "ECONNRESET"
    ? new StowageError("ARTIFACT_STORAGE_UNAVAILABLE", `the upload could not be staged on disk (${error.code}); nothing was stored`)
    : validationFailed(`malformed multipart body: ${error.message}`);

/**
 * Reads a multipart upload whose fields may come before or after the `file` part.
 *
 * When the fields before the file are enough to publish (canStream), it resolves as soon as the
 * file part starts and the bytes stream on without a copy; fields after the file are collected
 * into `allFields`. The file stream ends only once the whole request has parsed cleanly, so a
 * malformed tail fails the upload instead of publishing it.
 *
 * Otherwise (typically `curl -F file=@x -F namespace=…`) the file is spooled to disk, bounded
 * by maxBytes and hashed on the way, and it resolves once the whole form has been read, so
 * access and quota are checked with every field known. The spool file is removed on any failure,
 * a client disconnect included; after success the caller owns it.
 */
export function readMultipartUpload(contentType: string, source: Readable, options: TMultipartOptions): Promise<TMultipartUpload> {
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
    const fields: TFields = {};
    let fileSeen = false;
    let fileBody: PassThrough | undefined;
    let spoolSource: Readable | undefined;
    let spooled: Promise<TSpooledFile> | undefined;
    let fileInfo = { filename: "", contentType: "" };
    let failure: Error | undefined;
    let fileDone = false;
    let parseDone = false;
    let spoolResult: TSpooledFile | undefined;
    let settleAllFields: { resolve: (f: TFields) => void; reject: (e: Error) => void } | undefined;

    const fail = (error: Error) => {
      if (failure) return;
      failure = error;
      // Read nothing more of the request.
      source.unpipe(parser);
      settleAllFields?.reject(failure);
      if (fileBody) fileBody.destroy(failure);
      else if (spoolSource) spoolSource.destroy(failure);
      // A spool in progress rejects the promise itself once its file is removed; a finished
      // one (the form failed after the file) is removed here.
      if (spoolResult) void spoolResult.remove().then(() => reject(failure));
      else if (!spooled) reject(failure);
    };
    const maybeEnd = () => {
      if (fileBody && fileDone && parseDone && !failure) {
        settleAllFields?.resolve({ ...fields });
        fileBody.end();
      }
    };

    parser.on("field", (name, value, info) => {
      if (!FIELD_NAMES.has(name)) return fail(validationFailed(`unknown field "${name}"`, { field: name }));
      if (info.valueTruncated) return fail(validationFailed(`field "${name}" is too long`, { field: name }));
      if (name in fields) return fail(validationFailed(`field "${name}" was sent twice`, { field: name }));
      fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      if (name !== "file" || fileSeen) {
        stream.resume();
        return fail(
          validationFailed(fileSeen ? "send exactly one file" : `the file part must be named "file", not "${name}"`, { field: name }),
        );
      }
      fileSeen = true;
      fileInfo = { filename: info.filename ?? "", contentType: info.mimeType };
      // busboy fails the file stream itself when the body ends before the closing boundary.
      stream.on("error", (e) =>
        fail(e instanceof SpoolTooLargeError ? tooLarge(options.maxBytes) : validationFailed(`malformed multipart body: ${e.message}`)),
      );

      if (!options.canStream({ ...fields }, fileInfo.filename)) {
        spoolSource = stream;
        spooled = spoolFile(options.dataDir, stream, options.maxBytes);
        spooled.then(
          // Resolved once the form has parsed too; a failure meanwhile removes the finished file.
          (file) => finishSpool(file),
          (error: Error) => {
            fail(error instanceof SpoolTooLargeError ? tooLarge(options.maxBytes) : (failure ?? spoolFailure(error)));
            reject(failure);
          },
        );
        return;
      }

      fileBody = new PassThrough({ highWaterMark: 1024 * 1024 });
      // A failure can destroy the body before anyone reads it (or when no one ever will, because
      // publishing stopped first); readers still get the error, but it must not go unhandled.
      fileBody.on("error", () => undefined);
      const allFields = new Promise<TFields>((res, rej) => (settleAllFields = { resolve: res, reject: rej }));
      allFields.catch(() => undefined);
      stream.on("end", () => {
        fileDone = true;
        maybeEnd();
      });
      stream.pipe(fileBody, { end: false });
      // `fields` is handed over as a copy: later fields arrive through allFields only.
      resolve({ kind: "stream", fields: { ...fields }, ...fileInfo, body: fileBody, allFields });
    });

    const finishSpool = (file: TSpooledFile) => {
      spoolResult = file;
      if (failure) {
        void file.remove().then(() => reject(failure));
        return;
      }
      if (parseDone) resolve({ kind: "spooled", fields: { ...fields }, ...fileInfo, file });
    };

    const limit = (what: string) => () => fail(validationFailed(`too many ${what} in the multipart body`));
    parser.on("partsLimit", limit("parts"));
    parser.on("filesLimit", limit("files"));
    parser.on("fieldsLimit", limit("fields"));
    parser.on("error", (e) => fail(validationFailed(`malformed multipart body: ${(e as Error).message}`)));
    parser.on("close", () => {
      parseDone = true;
      if (!fileSeen) return fail(validationFailed('the multipart body has no "file" part', { field: "file" }));
      if (spoolResult) return finishSpool(spoolResult);
      maybeEnd();
    });
    source.on("error", (e) => fail(e));
    // A client that goes away without an error (a closed socket) must not leave the form hanging.
    source.on("close", () => {
      if (!parseDone && "complete" in source && !source.complete) fail(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
    });
    source.pipe(parser);
  });
}
