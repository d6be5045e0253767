import type { Deadline } from "./deadline.js";
import type { OutgoingBody } from "./transport.js";

/**
 * What `publish` sends: text (as UTF-8), bytes (a Buffer is one), a Blob or File, a web
 * ReadableStream, a Node Readable or any async iterable of bytes, or `{ path }` for a file on
 * disk (Node only).
 */
export type PublishData =
  string | Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string> | { path: string };

/** How far an upload or a download to a file has come; `total` when the size is known. */
export type Progress = { loaded: number; total?: number };

export type BodySource = OutgoingBody & {
  /** Bytes to send, when known before sending (then Content-Length is declared). */
  size: number | undefined;
  /** A Blob's own type, if it has one. */
  contentType: string | undefined;
  /** A File's or a path's base name: the artifact name when none is given. */
  name: string | undefined;
  /** An error the data itself raised while being read (not the network's). */
  failure(): unknown;
  /** Gives up a one-shot source that was not read to its end. */
  release(): Promise<void>;
  /**
   * What a direct upload cuts into parts: the data itself when any range of it can be read
   * (again), else its chunks in order, read once (the same reads as the body's).
   */
  parts: { kind: "ranges"; data: Uint8Array | Blob } | { kind: "chunks"; next(): Promise<Uint8Array | undefined> };
};

/** Bodies up to this size go to fetch as they are; larger ones are metered chunk by chunk. */
const CHUNK = 64 * 1024;

/**
 * Node's fetch streams request bodies over HTTP/1.1; browsers mostly cannot, so there data that
 * is in memory or a Blob is handed to fetch whole (and uploads of it are not timed or metered).
 */
const canStreamUploads = typeof process !== "undefined" && typeof process.versions?.node === "string";

export async function bodySource(data: PublishData, options: { size?: number; onProgress?: (p: Progress) => void }): Promise<BodySource> {
  if (typeof data === "string") return sized(new TextEncoder().encode(data), options);
  if (data instanceof Uint8Array) return sized(data, options);
  if (data instanceof ArrayBuffer) return sized(new Uint8Array(data), options);
  if (isBlob(data)) return sized(data, options, fileName(data));
  if (isWebStream(data)) {
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    return readOnce(
      async () => {
        reader ??= data.getReader();
        const { done, value } = await reader.read();
        return done ? undefined : value;
      },
      async () => {
        await reader?.cancel().catch(() => undefined);
      },
      options,
    );
  }
  if (isAsyncIterable(data)) {
    let iterator: AsyncIterator<Uint8Array | string> | undefined;
    const encoder = new TextEncoder();
    return readOnce(
      async () => {
        iterator ??= data[Symbol.asyncIterator]();
        const { done, value } = await iterator.next();
        if (done) return undefined;
        return typeof value === "string" ? encoder.encode(value) : value;
      },
      // return() ends the iteration; for a Node Readable it destroys the stream.
      async () => {
        await iterator?.return?.()?.catch(() => undefined);
      },
      options,
    );
  }
  // After the streams: a Node fs.ReadStream has a `path` too, and is sent as the stream it is.
  if (isPath(data)) {
    const { openFileAsBlob, baseName } = await import("./node-file.js");
    return sized(await openFileAsBlob(data.path), options, baseName(data.path));
  }
  throw new TypeError("publish: data must be a string, bytes, a Blob, a ReadableStream, an async iterable or { path }");
}

/** Data whose size is known and which can be read again from its start: every retry resends it. */
function sized(data: Uint8Array | Blob, options: { onProgress?: (p: Progress) => void }, name?: string): BodySource {
  const size = data instanceof Uint8Array ? data.byteLength : data.size;
  let failure: unknown;
  // The chunks of the attempt in flight, closed when the next attempt starts or publishing ends.
  let current: Chunks | undefined;
  const close = async () => {
    await current?.cancel();
    current = undefined;
  };
  return {
    size,
    contentType: data instanceof Uint8Array ? undefined : data.type || undefined,
    name,
    failure: () => failure,
    // Unless reading the data itself failed: that would only fail again.
    replayable: () => failure === undefined,
    release: close,
    parts: { kind: "ranges", data },
    open(deadline) {
      if (size <= CHUNK && !options.onProgress) return { body: data as BodyInit, streamed: false };
      if (!canStreamUploads) {
        // The browser sends it on its own: nothing to time between chunks.
        deadline.pause();
        return { body: data as BodyInit, streamed: false };
      }
      void close();
      const chunks = (current = chunksOf(data));
      const read = async () => {
        try {
          return await chunks.next();
        } catch (error) {
          failure = error;
          throw error;
        }
      };
      return { body: metered(read, deadline, size, options.onProgress), streamed: true };
    },
  };
}

/** Chunks gathered this far are folded into the Blob, which a browser may move out of memory. */
const FOLD = 8 * 1024 * 1024;

/**
 * A stream or iterator's body. A browser cannot stream a request body over HTTP/1.1, so there the
 * chunks are gathered into a Blob first and sent as data of a known size (a direct upload in
 * parts when large); elsewhere they are streamed as they come.
 */
async function readOnce(
  pull: () => Promise<Uint8Array | undefined>,
  cancel: () => Promise<void>,
  options: { size?: number; onProgress?: (p: Progress) => void },
): Promise<BodySource> {
  if (canStreamUploads) return oneShot(pull, cancel, options);
  let blob = new Blob([]);
  let pending: BlobPart[] = [];
  let pendingBytes = 0;
  for (let chunk = await pull(); chunk; chunk = await pull()) {
    pending.push(chunk as Uint8Array<ArrayBuffer>);
    pendingBytes += chunk.byteLength;
    if (pendingBytes >= FOLD) {
      blob = new Blob([blob, ...pending]);
      pending = [];
      pendingBytes = 0;
    }
  }
  return sized(new Blob([blob, ...pending]), options);
}

/** A stream or iterator: read once, so a retry is possible only until its first chunk was taken. */
function oneShot(
  pull: () => Promise<Uint8Array | undefined>,
  cancel: () => Promise<void>,
  options: { size?: number; onProgress?: (p: Progress) => void },
): BodySource {
  let started = false;
  let ended = false;
  let failure: unknown;
  const read = async () => {
    started = true;
    try {
      const chunk = await pull();
      if (!chunk) ended = true;
      return chunk;
    } catch (error) {
      failure = error;
      throw error;
    }
  };
  return {
    size: options.size,
    contentType: undefined,
    name: undefined,
    failure: () => failure,
    replayable: () => !started,
    release: async () => {
      if (started && !ended) await cancel();
    },
    parts: { kind: "chunks", next: read },
    open: (deadline) => ({ body: metered(read, deadline, options.size, options.onProgress), streamed: true }),
  };
}

/**
 * The body fetch reads: it takes a chunk only when it wants one (no read-ahead, so an attempt
 * that fails before sending leaves a one-shot source untouched). Waiting for the source is not
 * the server's silence; waiting for fetch to want the next chunk is.
 */
function metered(
  next: () => Promise<Uint8Array | undefined>,
  deadline: Deadline,
  total: number | undefined,
  onProgress: ((p: Progress) => void) | undefined,
): ReadableStream<Uint8Array> {
  let loaded = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        deadline.pause();
        const chunk = await next();
        deadline.arm();
        if (!chunk) return controller.close();
        loaded += chunk.byteLength;
        controller.enqueue(chunk);
        onProgress?.({ loaded, ...(total === undefined ? {} : { total }) });
      },
    },
    { highWaterMark: 0 },
  );
}

type Chunks = { next(): Promise<Uint8Array | undefined>; cancel(): Promise<void> };

function chunksOf(data: Uint8Array | Blob): Chunks {
  if (data instanceof Uint8Array) {
    let offset = 0;
    return {
      next: async () => {
        if (offset >= data.byteLength) return undefined;
        const chunk = data.subarray(offset, offset + CHUNK);
        offset += chunk.byteLength;
        return chunk;
      },
      cancel: async () => undefined,
    };
  }
  const reader = data.stream().getReader();
  return {
    next: async () => {
      const { done, value } = await reader.read();
      return done ? undefined : value;
    },
    cancel: () => reader.cancel().catch(() => undefined),
  };
}

const isBlob = (data: unknown): data is Blob => typeof Blob !== "undefined" && data instanceof Blob;
const fileName = (blob: Blob): string | undefined => ("name" in blob && typeof blob.name === "string" && blob.name) || undefined;
const isPath = (data: object): data is { path: string } => "path" in data && typeof (data as { path: unknown }).path === "string";
const isWebStream = (data: object): data is ReadableStream<Uint8Array> => typeof (data as ReadableStream).getReader === "function";
const isAsyncIterable = (data: object): data is AsyncIterable<Uint8Array | string> =>
  typeof (data as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function";
