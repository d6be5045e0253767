import { bodySource, type Progress, type PublishData } from "./publish-body.js";
import type { Transport } from "./transport.js";
import type { Published } from "./types.js";

export type PublishOptions = {
  namespace: string;
  /** May contain `/`. Default: the file's base name for `{ path }` and a File; required otherwise. */
  name?: string;
  sessionId?: string;
  runId?: string;
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
  /** Makes retries safe: the same key and request answer the first result. Default: a fresh UUID. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Called as bytes are handed to the network, and once more when the version is published. */
  onProgress?: (progress: Progress) => void;
};

/**
 * A raw-body POST /api/v1/artifacts, streamed (never buffered whole). It always carries an
 * Idempotency-Key, so retrying after a lost answer cannot publish two versions. Data that can be
 * read again (text, bytes, Blob, `{ path }`) is resent on a retry; a stream or async iterable is
 * read once, so it is retried only if the failure came before its first chunk was taken.
 */
export async function publish(transport: Transport, data: PublishData, options: PublishOptions): Promise<Published> {
  const source = await bodySource(data, { size: options.size, onProgress: options.onProgress });
  const headers: Record<string, string> = { "idempotency-key": options.idempotencyKey ?? randomKey() };
  const contentType = options.contentType ?? source.contentType;
  if (contentType) headers["content-type"] = contentType;
  // Node's fetch does not derive it for a stream; a size known up front lets the server hold quota.
  if (source.size !== undefined) headers["content-length"] = String(source.size);
  if (options.ifNoneMatch) headers["if-none-match"] = options.ifNoneMatch;
  if (options.ifMatch !== undefined) headers["if-match"] = String(options.ifMatch);
  const query = {
    namespace: options.namespace,
    name: options.name ?? source.name,
    sessionId: options.sessionId,
    runId: options.runId,
    tags: options.tags && JSON.stringify(options.tags),
    metadata: options.metadata && JSON.stringify(options.metadata),
    expiresAt: options.expiresAt instanceof Date ? options.expiresAt.toISOString() : options.expiresAt,
  };
  try {
    const published = await transport.json<Published>({
      method: "POST",
      path: "/api/v1/artifacts",
      query,
      headers,
      body: source,
      retry: true,
      signal: options.signal,
    });
    const size = published.version.sizeBytes;
    options.onProgress?.({ loaded: size, total: size });
    return published;
  } catch (error) {
    // The data's own failure (a file that vanished, a stream that errored) matters more than fetch's.
    throw source.failure() ?? error;
  } finally {
    await source.release();
  }
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
