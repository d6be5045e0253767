import { directUpload, goesDirect, tooLargeForOnePost } from "./direct-upload.js";
import { bodySource, type BodySource, type Progress, type PublishData } from "./publish-body.js";
import { readPublished } from "./read-published.js";
import type { Transport } from "./transport.js";
import type { Published } from "./types.js";

/** One input of a publish: a version of an artifact. */
export type InputRef = { artifactId: string; version: number };

export type PublishOptions = {
  namespace: string;
  /** May contain `/`. Default: the file's base name for `{ path }` and a File; required otherwise. */
  name?: string;
  sessionId?: string;
  /** The run publishing. Default: the client's `runId` (sent as X-Stowage-Run). */
  runId?: string;
  /** The tool and model that produced it. Default: the client's `tool` / `model`. */
  tool?: string;
  model?: string;
  /**
   * The versions this one was made from (at most 100). Each must exist and be readable by the
   * caller, else ARTIFACT_VALIDATION_FAILED and nothing is published.
   */
  derivedFrom?: InputRef[];
  tags?: string[];
  metadata?: Record<string, unknown>;
  expiresAt?: Date | string;
  /** Default: a Blob's own type, else the server guesses from the name's extension. */
  contentType?: string;
  /** Declares the length of a stream (sent as Content-Length; the server can check quota first). */
  size?: number;
  /** `"*"`: publish only if the artifact has no version yet (else 412 ARTIFACT_VERSION_CONFLICT). */
  ifNoneMatch?: "*";
  /** Publish only if this is still the latest version (else 412 ARTIFACT_VERSION_CONFLICT). */
  ifMatch?: number;
  /**
   * When the bytes equal the latest version's, publish nothing and answer that version with
   * `unchanged: true` (nothing is charged or changed, tags and expiry included).
   */
  skipIfUnchanged?: boolean;
  /** Makes retries safe: the same key and request answer the first result. Default: a fresh UUID. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /**
   * Called as bytes are handed to the network, and once more when the version is published. In
   * a direct upload: the bytes of every part together (parts stored before a resume included).
   */
  onProgress?: (progress: Progress) => void;
  /**
   * Data of a known size above this many bytes is published as a direct upload in parts
   * (default 64 MiB). Data at or below it that the server refuses as too large for one request
   * (ARTIFACT_TOO_LARGE) goes in parts too, if it can still be read.
   */
  multipartThreshold?: number;
  /** Direct upload: parts sent at once (default 4). */
  partConcurrency?: number;
  /** Direct upload: bytes per part, 5 MiB to 5 GiB (default: the server's, 16 MiB or more for huge files). */
  partSize?: number;
  /**
   * Direct upload: the data's sha256 (64 lowercase hex digits), checked by the server before it
   * publishes. Computed for bytes in memory; a file, Blob or stream is not read twice for it.
   */
  sha256?: string;
  /**
   * Direct upload: leave the upload open when publishing fails or is aborted, to finish it later
   * with `resumeUploadId` (it stays open 24 hours). Default: it is aborted; true when resuming.
   */
  resumable?: boolean;
  /** Direct upload: called with the upload's id once it is open, before any part is sent (awaited). */
  onUploadStarted?: (uploadId: string) => void | Promise<void>;
  /**
   * Finish this upload (an id `onUploadStarted` gave an earlier publish): only the parts the
   * server does not have are sent. The data must be the same and readable at any offset
   * (`{ path }`, bytes, a Blob; not a stream); the namespace must match; the upload's own fields
   * (name, tags, …, fixed when it started) are the ones published.
   */
  resumeUploadId?: string;
};

/**
 * A raw-body POST /api/v1/artifacts, streamed (never buffered whole). It always carries an
 * Idempotency-Key, so retrying after a lost answer cannot publish two versions. Data that can be
 * read again (text, bytes, Blob, `{ path }`) is resent on a retry; a stream or async iterable is
 * read once, so it is retried only if the failure came before its first chunk was taken.
 * Data of a known size above `multipartThreshold` goes as a direct upload in parts instead
 * (direct-upload.ts), with the same Idempotency-Key and preconditions.
 */
export async function publish(transport: Transport, data: PublishData, options: PublishOptions): Promise<Published> {
  const source = await bodySource(data, { size: options.size, onProgress: options.onProgress });
  // Sent with the POST, or when a direct upload starts (the server applies them on completion).
  const preconditions: Record<string, string> = { "idempotency-key": options.idempotencyKey ?? randomKey() };
  if (options.ifNoneMatch) preconditions["if-none-match"] = options.ifNoneMatch;
  if (options.ifMatch !== undefined) preconditions["if-match"] = String(options.ifMatch);
  try {
    if (goesDirect(source, options)) return await directUpload(transport, source, preconditions, options);
    try {
      return await postWhole(transport, source, preconditions, options);
    } catch (error) {
      if (!tooLargeForOnePost(error, source)) throw error;
      return await directUpload(transport, source, preconditions, options);
    }
  } catch (error) {
    // The data's own failure (a file that vanished, a stream that errored) matters more than fetch's.
    throw source.failure() ?? error;
  } finally {
    await source.release();
  }
}

async function postWhole(
  transport: Transport,
  source: BodySource,
  preconditions: Record<string, string>,
  options: PublishOptions,
): Promise<Published> {
  const headers = { ...preconditions };
  const contentType = options.contentType ?? source.contentType;
  if (contentType) headers["content-type"] = contentType;
  // Node's fetch does not derive it for a stream; a size known up front lets the server hold quota.
  if (source.size !== undefined) headers["content-length"] = String(source.size);
  const query = {
    namespace: options.namespace,
    name: options.name ?? source.name,
    sessionId: options.sessionId,
    runId: options.runId,
    tool: options.tool,
    model: options.model,
    derivedFrom: options.derivedFrom && JSON.stringify(options.derivedFrom),
    tags: options.tags && JSON.stringify(options.tags),
    metadata: options.metadata && JSON.stringify(options.metadata),
    expiresAt: options.expiresAt instanceof Date ? options.expiresAt.toISOString() : options.expiresAt,
    skipIfUnchanged: options.skipIfUnchanged ? "true" : undefined,
  };
  const published = await transport.send(
    { method: "POST", path: "/api/v1/artifacts", query, headers, body: source, retry: true, signal: options.signal },
    readPublished,
  );
  const size = published.version.sizeBytes;
  options.onProgress?.({ loaded: size, total: size });
  return published;
}

/** crypto.randomUUID needs a secure context in browsers; getRandomValues does not. */
function randomKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
