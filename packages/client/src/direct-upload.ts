import { sleep } from "./deadline.js";
import { StowageError } from "./errors.js";
import { bodySource, type BodySource, type Progress } from "./publish-body.js";
import type { PublishOptions } from "./publish.js";
import { readPublished } from "./read-published.js";
import { retryDelay } from "./retry-policy.js";
import type { Transport } from "./transport.js";
import type { DirectUpload, PartUrls, Published, StartUploadBody } from "./types.js";

const MiB = 1024 * 1024;
/** Data of a known size above this goes as a direct upload in parts, unless told otherwise. */
export const DEFAULT_MULTIPART_THRESHOLD = 64 * MiB;
export const DEFAULT_PART_CONCURRENCY = 4;
/** Part URLs asked for at once (the server gives up to 1000; fewer keeps them from expiring unused). */
const URL_BATCH = 100;
/** A URL this close to its expiry is asked for again rather than used. */
const URL_MARGIN_MS = 10_000;
/** How long to wait for a completion the server is still working on (joining and hashing). */
const COMPLETE_WAIT_MS = 30 * 60_000;

type Signal = { signal?: AbortSignal };

/** Whether `publish` sends this data as a direct upload from the start. */
export function goesDirect(source: BodySource, options: PublishOptions): boolean {
  if (options.resumeUploadId !== undefined) return true;
  const threshold = options.multipartThreshold ?? DEFAULT_MULTIPART_THRESHOLD;
  if (!Number.isFinite(threshold) || threshold < 0) throw new TypeError("publish: multipartThreshold must be a non-negative number");
  return source.size !== undefined && source.size > 0 && source.size > threshold;
}

/**
 * A refusal of the one-request POST that a direct upload avoids: the server's limit for one
 * request (ARTIFACT_MAX_SIZE_MB) is below the threshold, and the data can still be read.
 */
export function tooLargeForOnePost(error: unknown, source: BodySource): boolean {
  return (
    error instanceof StowageError &&
    error.code === "ARTIFACT_TOO_LARGE" &&
    source.size !== undefined &&
    source.size > 0 &&
    source.replayable()
  );
}

/**
 * Publishes `source` through the direct-upload API: opens the upload (size, the sha256 when
 * known, the fields and the preconditions in `headers`), asks for part URLs in batches, PUTs
 * up to `partConcurrency` parts at once, then completes it into `{ artifact, version }`.
 *
 * Each part is retried on network errors, timeouts and 5xx with backoff (and once with a fresh
 * URL after a 403, an expired URL). Data that can be read at any offset (bytes, a Blob, a file
 * path) is sliced, so a part is re-read from its offset on a retry; a one-shot stream is read
 * in order and held one part at a time per concurrent slot, so memory stays within
 * `partConcurrency × partSize`.
 *
 * A failure that retries cannot mend, or the caller's abort, aborts the upload (DELETE) unless
 * `resumable` (the default when resuming): then it stays open for `resumeUploadId`.
 */
export async function directUpload(
  transport: Transport,
  source: BodySource,
  headers: Record<string, string>,
  options: PublishOptions,
): Promise<Published> {
  const total = source.size;
  if (total === undefined || total < 1) {
    throw new TypeError("publish: a direct upload needs data of a known size of at least 1 byte (pass `size` for a stream)");
  }
  const concurrency = options.partConcurrency ?? DEFAULT_PART_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new TypeError("publish: partConcurrency must be a whole number from 1");
  const data = source.parts;
  const resumeId = options.resumeUploadId;
  if (resumeId !== undefined && data.kind === "chunks") {
    throw new TypeError("publish: resumeUploadId needs data that can be read at any offset ({ path }, bytes or a Blob), not a stream");
  }
  const keep = options.resumable ?? resumeId !== undefined;
  const { signal } = options;

  const upload =
    resumeId === undefined ? await start(transport, source, total, headers, options) : await getUpload(transport, resumeId, { signal });
  try {
    if (resumeId === undefined) await options.onUploadStarted?.(upload.id);
    else if (upload.status !== "completed") checkResumable(upload, total, options);

    if (upload.status !== "completed") {
      // Parts stored already (when resuming) are kept if they have the size the plan wants.
      const stored = new Map((upload.parts ?? []).map((p) => [p.partNumber, p.size]));
      const todo: number[] = [];
      let sent = 0;
      for (let n = 1; n <= upload.partCount; n++) {
        const size = partRange(upload, n).end - partRange(upload, n).start;
        if (stored.get(n) === size) sent += size;
        else todo.push(n);
      }
      const progress = new PartProgress(sent, total, options.onProgress);
      await sendParts(transport, upload, todo, data, { concurrency, signal, progress });
    }
    const published = await complete(transport, upload.id, signal);
    options.onProgress?.({ loaded: total, total });
    return published;
  } catch (error) {
    // Never under the caller's signal: an aborted publish must still let go of the upload.
    if (!keep) await transport.json({ method: "DELETE", path: uploadPath(upload.id) }).catch(() => undefined);
    throw error;
  }
}

/** `stowage.uploads`: direct uploads by id, for a caller that kept one open (`resumable`). */
export class UploadsApi {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** An upload's state; while it is pending, `parts` lists the parts stored so far. */
  get(uploadId: string, options: Signal = {}): Promise<DirectUpload> {
    return getUpload(this.#transport, uploadId, options);
  }

  /** Aborts an open upload: its parts are discarded and the quota it held is released (again is fine). */
  abort(uploadId: string, options: Signal = {}): Promise<DirectUpload> {
    return this.#transport.json({ method: "DELETE", path: uploadPath(uploadId), signal: options.signal });
  }
}

const uploadPath = (id: string) => `/api/v1/uploads/${encodeURIComponent(id)}`;

function getUpload(transport: Transport, id: string, options: Signal): Promise<DirectUpload> {
  return transport.json({ method: "GET", path: uploadPath(id), signal: options.signal });
}

async function start(
  transport: Transport,
  source: BodySource,
  size: number,
  headers: Record<string, string>,
  options: PublishOptions,
): Promise<DirectUpload> {
  const body: StartUploadBody = {
    namespace: options.namespace,
    name: options.name ?? source.name,
    contentType: options.contentType ?? source.contentType,
    size,
    sha256: options.sha256 ?? (await sha256InMemory(source.parts)),
    partSize: options.partSize,
    sessionId: options.sessionId,
    runId: options.runId,
    tool: options.tool,
    model: options.model,
    derivedFrom: options.derivedFrom,
    tags: options.tags,
    metadata: options.metadata,
    expiresAt: options.expiresAt instanceof Date ? options.expiresAt.toISOString() : options.expiresAt,
    skipIfUnchanged: options.skipIfUnchanged || undefined,
  };
  // Retried like a publish: an upload opened by a lost attempt holds its quota until the sweep
  // takes it (24 h), and the Idempotency-Key, applied on completion, still allows one version.
  return transport.json({ method: "POST", path: "/api/v1/uploads", headers, json: body, retry: true, signal: options.signal });
}

/** The caller's mistakes a resume can catch: another namespace, another size, a closed upload. */
function checkResumable(upload: DirectUpload, size: number, options: PublishOptions): void {
  if (upload.status !== "pending") {
    throw new StowageError("ARTIFACT_UPLOAD_CLOSED", `upload ${upload.id} is ${upload.status} and cannot be resumed; start a new one`, {
      details: { status: upload.status },
    });
  }
  if (upload.namespace !== options.namespace) {
    throw new TypeError(`publish: upload ${upload.id} is in ${upload.namespace}, not ${options.namespace}`);
  }
  if (upload.sizeBytes !== size) {
    throw new TypeError(`publish: upload ${upload.id} is of ${upload.sizeBytes} bytes, the data of ${size}`);
  }
  if (options.sha256 !== undefined && upload.sha256 !== null && upload.sha256 !== options.sha256) {
    throw new TypeError(`publish: upload ${upload.id} was started for other bytes (another sha256)`);
  }
}

/** Part `n`'s bytes (1-based): whole part sizes, the last one what is left. */
function partRange(upload: DirectUpload, n: number): { start: number; end: number } {
  const start = (n - 1) * upload.partSize;
  return { start, end: Math.min(start + upload.partSize, upload.sizeBytes) };
}

type Part = { n: number; bytes: Uint8Array | Blob };

async function sendParts(
  transport: Transport,
  upload: DirectUpload,
  todo: number[],
  data: BodySource["parts"],
  o: { concurrency: number; signal: AbortSignal | undefined; progress: PartProgress },
): Promise<void> {
  if (todo.length === 0) return;
  // The first failure stops every other part in flight.
  const stop = new AbortController();
  const onAbort = () => stop.abort(o.signal?.reason);
  if (o.signal?.aborted) onAbort();
  else o.signal?.addEventListener("abort", onAbort, { once: true });
  const urls = new PartUrlBatches(transport, upload.id, todo, stop.signal);

  let index = 0;
  let take: () => Promise<Part | undefined>;
  if (data.kind === "ranges") {
    take = async () => {
      const n = todo[index++];
      if (n === undefined) return undefined;
      const { start, end } = partRange(upload, n);
      return { n, bytes: data.data instanceof Uint8Array ? data.data.subarray(start, end) : data.data.slice(start, end) };
    };
  } else {
    // One reader: parts are read in order, one at a time, each into its own buffer.
    const reader = new ExactReader(data.next);
    let queue: Promise<unknown> = Promise.resolve();
    take = () => {
      const next = queue.then(async (): Promise<Part | undefined> => {
        const n = todo[index++];
        if (n === undefined || stop.signal.aborted) return undefined;
        const { start, end } = partRange(upload, n);
        const bytes = await reader.read(end - start, upload.sizeBytes);
        if (index === todo.length && !(await reader.atEnd())) {
          throw new StowageError(
            "ARTIFACT_VALIDATION_FAILED",
            `the stream holds more than the ${upload.sizeBytes} bytes declared as size`,
            {
              details: { field: "size" },
            },
          );
        }
        return { n, bytes };
      });
      queue = next.catch(() => undefined);
      return next;
    };
  }

  let failure: { error: unknown } | undefined;
  const worker = async () => {
    try {
      for (;;) {
        stop.signal.throwIfAborted();
        // A stalled stream must not outlast an abort (the stream is cancelled after).
        const part = await untilAborted(take(), stop.signal);
        if (!part) return;
        await putPart(transport, urls, part, stop.signal, o.progress);
      }
    } catch (error) {
      if (!failure) {
        failure = { error };
        stop.abort(error);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(o.concurrency, todo.length) }, worker));
  } finally {
    o.signal?.removeEventListener("abort", onAbort);
  }
  if (failure) throw o.signal?.aborted ? o.signal.reason : failure.error;
}

async function putPart(transport: Transport, urls: PartUrlBatches, part: Part, signal: AbortSignal, progress: PartProgress): Promise<void> {
  const size = part.bytes instanceof Uint8Array ? part.bytes.byteLength : part.bytes.size;
  for (let freshUrl = false; ; freshUrl = true) {
    const url = await urls.get(part.n);
    const body = await bodySource(part.bytes, { onProgress: (p) => progress.sending(part.n, p.loaded) });
    try {
      await transport.send(
        {
          method: "PUT",
          url,
          // Both the part route and S3 want the length up front (a streamed body has none of its own).
          headers: { "content-length": String(size) },
          body,
          retry: true,
          retryAnyServerError: true,
          signal,
        },
        async ({ res }) => {
          await res.arrayBuffer();
        },
      );
      progress.stored(part.n, size);
      return;
    } catch (error) {
      progress.sending(part.n, 0);
      // An expired URL (S3 and Stowage both answer 403): once more with a fresh one.
      if (!freshUrl && body.failure() === undefined && error instanceof StowageError && error.status === 403) {
        urls.forget(part.n);
        continue;
      }
      throw body.failure() ?? error;
    } finally {
      await body.release();
    }
  }
}

/** Part URLs, asked for in batches as the parts come up; each used until shortly before it expires. */
class PartUrlBatches {
  readonly #urls = new Map<number, { url: string; expiresAt: number }>();
  readonly #pending = new Map<number, Promise<void>>();

  constructor(
    readonly transport: Transport,
    readonly uploadId: string,
    /** The order parts are sent in: a batch is the next ones. */
    readonly order: number[],
    readonly signal: AbortSignal,
  ) {}

  async get(n: number): Promise<string> {
    if (!this.#fresh(n)) await (this.#pending.get(n) ?? this.#fetch(n));
    const known = this.#urls.get(n);
    if (!known) throw new StowageError("HTTP_ERROR", `the server gave no URL for part ${n}`);
    return known.url;
  }

  forget(n: number): void {
    this.#urls.delete(n);
  }

  #fresh(n: number): boolean {
    const known = this.#urls.get(n);
    return known !== undefined && known.expiresAt - Date.now() > URL_MARGIN_MS;
  }

  #fetch(n: number): Promise<void> {
    const batch = [n];
    for (let i = this.order.indexOf(n) + 1; i < this.order.length && batch.length < URL_BATCH; i++) {
      const next = this.order[i]!;
      if (!this.#fresh(next) && !this.#pending.has(next)) batch.push(next);
    }
    const asked = Date.now();
    const done = this.transport
      .send(
        { method: "POST", path: `${uploadPath(this.uploadId)}/parts`, json: { partNumbers: batch }, retry: true, signal: this.signal },
        async ({ res }) => {
          // Expiry on this machine's clock: the server's lifetime, measured from its own Date.
          const answered = Date.parse(res.headers.get("date") ?? "");
          const body = (await res.json()) as PartUrls;
          const lifetime = Date.parse(body.expiresAt) - (Number.isNaN(answered) ? Date.now() : answered);
          for (const part of body.parts) this.#urls.set(part.partNumber, { url: part.url, expiresAt: asked + lifetime });
        },
      )
      .finally(() => {
        for (const m of batch) this.#pending.delete(m);
      });
    for (const m of batch) this.#pending.set(m, done);
    return done;
  }
}

/** Bytes sent across parts: stored parts plus what is in flight, never reported going back. */
class PartProgress {
  readonly #inFlight = new Map<number, number>();
  #stored: number;
  #reported = -1;

  constructor(
    stored: number,
    readonly total: number,
    readonly onProgress: ((p: Progress) => void) | undefined,
  ) {
    this.#stored = stored;
    if (stored > 0) this.#report();
  }

  sending(n: number, loaded: number): void {
    this.#inFlight.set(n, loaded);
    this.#report();
  }

  stored(n: number, size: number): void {
    this.#inFlight.delete(n);
    this.#stored += size;
    this.#report();
  }

  #report(): void {
    if (!this.onProgress) return;
    let loaded = this.#stored;
    for (const bytes of this.#inFlight.values()) loaded += bytes;
    // A retried part starts again from 0: hold the figure until it passes what was reported.
    if (loaded <= this.#reported) return;
    this.#reported = loaded;
    this.onProgress({ loaded, total: this.total });
  }
}

/** Exact byte counts out of a stream's chunks of any size. */
class ExactReader {
  #leftover: Uint8Array | undefined;
  #read = 0;

  constructor(readonly next: () => Promise<Uint8Array | undefined>) {}

  async read(size: number, declared: number): Promise<Uint8Array> {
    const out = new Uint8Array(size);
    let filled = 0;
    while (filled < size) {
      const chunk = this.#leftover ?? (await this.next());
      this.#leftover = undefined;
      if (!chunk) {
        throw new StowageError(
          "ARTIFACT_VALIDATION_FAILED",
          `the stream ended after ${this.#read + filled} bytes, before the ${declared} declared as size`,
          { details: { field: "size" } },
        );
      }
      const used = Math.min(chunk.byteLength, size - filled);
      out.set(chunk.subarray(0, used), filled);
      filled += used;
      if (used < chunk.byteLength) this.#leftover = chunk.subarray(used);
    }
    this.#read += size;
    return out;
  }

  async atEnd(): Promise<boolean> {
    if (this.#leftover?.byteLength) return false;
    for (;;) {
      const chunk = await this.next();
      if (!chunk) return true;
      if (chunk.byteLength > 0) return false;
    }
  }
}

/** Completes, waiting while another attempt's completion is still joining and hashing the parts. */
async function complete(transport: Transport, id: string, signal: AbortSignal | undefined): Promise<Published> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await transport.send({ method: "POST", path: `${uploadPath(id)}/complete`, retry: true, signal }, readPublished);
    } catch (error) {
      // A big file can take the server longer than timeoutMs; the retry then finds it completing.
      const busy = error instanceof StowageError && error.code === "ARTIFACT_UPLOAD_CLOSED" && error.details.status === "completing";
      if (!busy || Date.now() - started > COMPLETE_WAIT_MS) throw error;
      await sleep(retryDelay(Math.min(attempt, 5), undefined), signal);
    }
  }
}

/**
 * The sha256 of bytes already in memory (the server checks it on completion). A Blob, a file or
 * a stream is not hashed: that would be a read pass of its own before the first part, since the
 * server wants the sha256 when the upload starts. Nothing where there is no WebCrypto.
 */
async function sha256InMemory(data: BodySource["parts"]): Promise<string | undefined> {
  if (data.kind !== "ranges" || !(data.data instanceof Uint8Array) || typeof crypto === "undefined" || !crypto.subtle) return undefined;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", data.data as Uint8Array<ArrayBuffer>));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** `promise`, or the signal's reason as soon as it is aborted. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
