import "server-only";
import type { Writable } from "node:stream";
import { StowageError } from "../errors.ts";
import { presignVersion } from "../delivery/presign-version.ts";
import { getBlobStore } from "../storage/get-blob-store.ts";
import { contentDisposition, isInlineSafe } from "./content-disposition.ts";
import { parseRange } from "./parse-range.ts";

export type TServedVersion = { sha256: string; sizeBytes: bigint; mimeType: string; filename: string; backend: string; storageKey: string };

/** A download as plain parts, so the Node server can write it with Content-Length intact. */
export type TContentResult = {
  status: number;
  headers: Record<string, string>;
  body: ((sink: Writable) => Promise<void>) | null;
  /** On a 302 to a presigned URL: when that URL expires (for the audit log; never the URL). */
  presignedExpiresAt?: string;
};

function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((t) => {
    const tag = t.trim().replace(/^W\//, "");
    return tag === "*" || tag === etag;
  });
}

/**
 * A version's bytes with HTTP semantics: ETag (the sha256), If-None-Match → 304, a single Range
 * → 206 (or 416), HEAD, and headers that keep user content inert on our origin.
 */
export async function contentResult(
  req: { method: string; headers: Headers },
  v: TServedVersion,
  options: { cacheControl: string; forceDownload?: boolean; presignSeconds?: number },
): Promise<TContentResult> {
  const size = Number(v.sizeBytes);
  const etag = `"${v.sha256}"`;
  const inline = !options.forceDownload && isInlineSafe(v.mimeType);
  const headers: Record<string, string> = {
    ETag: etag,
    "Accept-Ranges": "bytes",
    "Cache-Control": options.cacheControl,
    "Content-Type": v.mimeType,
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", v.filename),
    "X-Content-Type-Options": "nosniff",
    // Even a type shown inline gets no scripts, plugins or same-origin powers (PDF needs its viewer).
    ...(v.mimeType === "application/pdf"
      ? {}
      : { "Content-Security-Policy": "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; sandbox" }),
  };

  if (etagMatches(req.headers.get("if-none-match"), etag)) return { status: 304, headers, body: null };

  // Bytes in S3 are fetched from S3 itself (the client re-sends Range there). HEAD is answered
  // here from the version record, since a presigned GET URL does not allow HEAD.
  if (req.method === "GET" && options.presignSeconds !== undefined) {
    const presigned = await presignVersion(v, { expiresInSeconds: options.presignSeconds, forceDownload: options.forceDownload });
    if (presigned)
      return {
        status: 302,
        headers: { Location: presigned.url, "Cache-Control": "no-store" },
        body: null,
        presignedExpiresAt: presigned.expiresAt,
      };
  }

  const ifRange = req.headers.get("if-range");
  const range = ifRange && ifRange !== etag ? undefined : parseRange(req.headers.get("range"), size);
  if (range === "unsatisfiable") {
    const error = new StowageError("ARTIFACT_RANGE_NOT_SATISFIABLE", `the range is outside the ${size}-byte content`, { sizeBytes: size });
    error.headers = { "Content-Range": `bytes */${size}` };
    throw error;
  }
  headers["Content-Length"] = String(range ? range.end - range.start + 1 : size);
  if (range) headers["Content-Range"] = `bytes ${range.start}-${range.end}/${size}`;
  const status = range ? 206 : 200;
  if (req.method === "HEAD") return { status, headers, body: null };

  const store = getBlobStore(v.backend);
  // Checked before any header goes out, so a lost blob is a clean 503 rather than a cut-off body.
  if (!(await store.exists(v.storageKey))) {
    throw new StowageError("ARTIFACT_STORAGE_UNAVAILABLE", "the stored bytes of this version cannot be read");
  }
  return { status, headers, body: (sink) => store.writeTo(v.storageKey, sink, range) };
}
