import type { Deadline } from "./deadline.js";
import type { Progress } from "./publish-body.js";
import type { Version } from "./types.js";
import { describedVersion } from "./version-headers.js";

/** The bytes of a 206 answer: `start`–`end` (inclusive) of `total`. */
export type ContentRange = { start: number; end: number; total: number };

/**
 * A version's bytes as they arrive: read them once, as a stream, bytes, text, JSON or into a
 * file. The server's silence is timed while the SDK waits for a chunk, never while the reader
 * is busy elsewhere; a transfer cut off midway fails the read (it is not resumed).
 */
export class DownloadBody {
  /** 200, or 206 for a range. */
  readonly status: number;
  /** Bytes in this body (Content-Length), when the server says. */
  readonly size: number | undefined;
  /** The version's sha256, from the ETag or the version; undefined when neither was told. */
  readonly sha256: string | undefined;
  readonly contentType: string | undefined;
  readonly range: ContentRange | undefined;
  /**
   * Which version these bytes are (as `artifacts.version` gives it), when the server said:
   * always, except for metadata too large for a header, or bytes from S3 in a web page.
   */
  readonly version: Version | undefined;
  readonly #body: ReadableStream<Uint8Array>;
  #used = false;

  constructor(res: Response, deadline: Deadline, described?: Version) {
    this.status = res.status;
    this.version = described ?? describedVersion(res.headers);
    const length = res.headers.get("content-length");
    this.size = length === null ? undefined : Number(length);
    const etag = /^(?:W\/)?"?([0-9a-f]{64})"?$/.exec(res.headers.get("etag") ?? "");
    this.sha256 = etag?.[1] ?? this.version?.sha256;
    this.contentType = res.headers.get("content-type") ?? undefined;
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(res.headers.get("content-range") ?? "");
    this.range = range ? { start: Number(range[1]), end: Number(range[2]), total: Number(range[3]) } : undefined;
    this.#body = timed(res.body, deadline);
  }

  /** The bytes as a web ReadableStream (for piping; `Readable.fromWeb` makes it a Node stream). */
  stream(): ReadableStream<Uint8Array> {
    if (this.#used) throw new TypeError("this download was already read");
    this.#used = true;
    return this.#body;
  }

  async bytes(): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    let length = 0;
    const reader = this.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.byteLength;
    }
    const all = new Uint8Array(length);
    let offset = 0;
    for (const chunk of chunks) {
      all.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return all;
  }

  async text(): Promise<string> {
    return new TextDecoder().decode(await this.bytes());
  }

  async json<T = unknown>(): Promise<T> {
    return JSON.parse(await this.text()) as T;
  }

  /**
   * Node only: streams the bytes to a temporary file beside `path` and renames it into place when
   * complete, so `path` never holds a partial download.
   */
  async toFile(path: string, options: { onProgress?: (progress: Progress) => void } = {}): Promise<{ path: string; bytes: number }> {
    const { writeStreamToFile } = await import("./node-file.js");
    const total = this.size;
    const bytes = await writeStreamToFile(this.stream(), path, (loaded) =>
      options.onProgress?.({ loaded, ...(total === undefined ? {} : { total }) }),
    );
    return { path, bytes };
  }

  /** Lets the bytes go unread (frees the connection). */
  async cancel(): Promise<void> {
    if (this.#used) return;
    this.#used = true;
    await this.#body.cancel();
  }
}

/** The body with the attempt's deadline running only while a chunk is awaited. */
function timed(body: ReadableStream<Uint8Array> | null, deadline: Deadline): ReadableStream<Uint8Array> {
  deadline.pause();
  const reader = body?.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!reader) {
          deadline.done();
          return controller.close();
        }
        // A chunk may already be buffered when the caller aborts: stop at once all the same.
        if (deadline.signal.aborted) {
          deadline.done();
          return controller.error(deadline.explain(deadline.signal.reason));
        }
        deadline.arm();
        try {
          const { done, value } = await reader.read();
          deadline.pause();
          if (done) {
            deadline.done();
            return controller.close();
          }
          controller.enqueue(value);
        } catch (error) {
          deadline.done();
          controller.error(deadline.explain(error));
        }
      },
      async cancel(reason) {
        deadline.done();
        await reader?.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
