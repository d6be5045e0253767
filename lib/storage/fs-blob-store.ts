import "server-only";

import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { link, mkdir, open, opendir, readdir, rename, rm, stat, unlink, type FileHandle } from "node:fs/promises";
import path from "node:path";
import type { Readable, Writable } from "node:stream";

import {
  assertValidBlobKey,
  assertValidBlobPrefix,
  isValidBlobKey,
  BlobExistsError,
  BlobNotFoundError,
  BlobSizeMismatchError,
  BlobStoreUnavailableError,
  BlobTooLargeError,
  type BlobListing,
  type BlobStore,
  type ByteRange,
  type MultipartUploads,
  type PutOptions,
  type PutResult,
  type UploadedPart,
} from "./blob-store.ts";
import { assertValidRange, drained } from "./stream-helpers.ts";

/** Size of disk writes and read-stream chunks: few syscalls for large artifacts. */
const IO_CHUNK = 1024 * 1024;

/** Filesystem errors that mean the store itself is broken, not that one request was bad. */
const UNAVAILABLE_CODES = new Set(["ENOSPC", "EDQUOT", "EACCES", "EROFS", "EIO"]);

/** "No regular file at this path", including a key whose parent is a file. */
const MISSING_CODES = new Set(["ENOENT", "ENOTDIR"]);

function errorCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | null)?.code;
}

/** Runs a filesystem call, turning store-level failures into BlobStoreUnavailableError. */
async function fsOp<T>(operation: Promise<T>): Promise<T> {
  try {
    return await operation;
  } catch (err) {
    const code = errorCode(err);
    if (code !== undefined && UNAVAILABLE_CODES.has(code)) {
      throw new BlobStoreUnavailableError(`blob store unavailable (${code})`, { cause: err });
    }
    throw err;
  }
}

async function writeAll(handle: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  let offset = 0;
  while (offset < bytes.byteLength) {
    const { bytesWritten } = await fsOp(handle.write(bytes, offset, bytes.byteLength - offset, position + offset));
    offset += bytesWritten;
  }
}

function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk);
  throw new TypeError("blob body must yield Uint8Array chunks");
}

/**
 * Copies the body into `handle`, hashing and counting on the way. Chunks are copied into two
 * 1 MiB staging buffers (so a source reusing its buffers cannot corrupt them): while one is
 * being written to disk the other fills from the network, so receiving and writing overlap.
 * Throwing out of the loop closes the source, so nothing more is read.
 */
async function copyBody(handle: FileHandle, body: Readable | AsyncIterable<Uint8Array>, maxBytes: number | undefined): Promise<PutResult> {
  const hash = createHash("sha256");
  const buffers = [Buffer.allocUnsafe(IO_CHUNK), Buffer.allocUnsafe(IO_CHUNK)];
  let current = 0;
  let staged = 0;
  let size = 0;
  let written = 0;
  let inFlight: Promise<void> = Promise.resolve();
  // At most one write in flight; its buffer is not touched again until it has finished.
  const flush = async () => {
    await inFlight;
    const buffer = buffers[current]!;
    const length = staged;
    const position = written;
    inFlight = writeAll(handle, buffer.subarray(0, length), position);
    // Mark it handled now: a failure is rethrown by the next await of inFlight.
    inFlight.catch(() => undefined);
    written += length;
    current ^= 1;
    staged = 0;
  };
  try {
    for await (const chunk of body as AsyncIterable<unknown>) {
      const bytes = toBytes(chunk);
      size += bytes.byteLength;
      if (maxBytes !== undefined && size > maxBytes) throw new BlobTooLargeError(maxBytes);
      hash.update(bytes);
      let offset = 0;
      while (offset < bytes.byteLength) {
        const n = Math.min(IO_CHUNK - staged, bytes.byteLength - offset);
        buffers[current]!.set(bytes.subarray(offset, offset + n), staged);
        staged += n;
        offset += n;
        if (staged === IO_CHUNK) await flush();
      }
    }
    if (staged > 0) await flush();
    await inFlight;
  } catch (error) {
    // Let a pending write settle before the caller closes and removes the file.
    await inFlight.catch(() => undefined);
    throw error;
  }
  return { size, sha256: hash.digest("hex") };
}

/**
 * Runs a call that creates a name in `dir`, creating the directory only when the call finds it
 * missing: after the first publish into a folder that saves two syscalls per publish.
 */
async function inDirectory<T>(dir: string, create: () => Promise<T>): Promise<T> {
  try {
    return await fsOp(create());
  } catch (err) {
    if (errorCode(err) !== "ENOENT") throw err;
    await fsOp(mkdir(dir, { recursive: true }));
    return await fsOp(create());
  }
}

/** Makes a rename durable; some platforms cannot fsync directories, hence best effort. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, "r");
    await handle.sync();
  } catch {
    // The object is already in place; only crash durability is weakened.
  } finally {
    await handle?.close().catch(() => {});
  }
}

const ignore = () => {};

function isEmitter(body: unknown): body is Readable {
  return typeof (body as Readable | null)?.on === "function";
}

/** Upload ids are ours (random hex), so one can never name a path outside the uploads folder. */
const UPLOAD_ID = /^[0-9a-f]{32}$/;
const PART_FILE = /^part-(\d{5})$/;
const partFile = (partNumber: number) => `part-${String(partNumber).padStart(5, "0")}`;

export function createFsBlobStore(options: { root: string }): BlobStore {
  const root = path.resolve(options.root);
  // Keys cannot start with ".", so temp files and upload parts never collide with objects; same
  // filesystem as the objects, so the final rename is atomic.
  const tmpDir = path.join(root, ".tmp");

  function pathFor(key: string): string {
    assertValidBlobKey(key);
    const full = path.join(root, key);
    // Defence in depth: the key pattern already rules out escaping the root.
    if (!path.resolve(full).startsWith(root + path.sep)) {
      throw new Error(`blob key escapes store root: ${JSON.stringify(key)}`);
    }
    return full;
  }

  /**
   * Streams the body into a new temp file in `dir` (hashing and counting on the way) and makes
   * it durable. The caller moves it into place; on failure nothing is left behind.
   */
  async function writeTemp(
    dir: string,
    body: Readable | AsyncIterable<Uint8Array>,
    maxBytes: number | undefined,
  ): Promise<PutResult & { tmpPath: string }> {
    // The loop sees the body's error; this keeps a late second 'error' emit (after the loop has
    // let go of the stream) from becoming an uncaught exception.
    if (isEmitter(body)) body.on("error", ignore);
    const tmpPath = path.join(dir, `.tmp-${randomBytes(16).toString("hex")}`);
    let handle: FileHandle | undefined = await inDirectory(dir, () => open(tmpPath, "wx"));
    try {
      const result = await copyBody(handle, body, maxBytes);
      await fsOp(handle.sync());
      await fsOp(handle.close());
      handle = undefined;
      return { ...result, tmpPath };
    } catch (err) {
      await handle?.close().catch(() => {});
      await unlink(tmpPath).catch(() => {});
      throw err;
    }
  }

  async function put(key: string, body: Readable | AsyncIterable<Uint8Array>, putOptions?: PutOptions): Promise<PutResult> {
    const finalPath = pathFor(key);
    const { tmpPath, ...result } = await writeTemp(tmpDir, body, putOptions?.maxBytes);
    try {
      const finalDir = path.dirname(finalPath);
      if (putOptions?.ifAbsent) {
        // link() creates the name only if it is free, atomically; rename() would replace.
        try {
          await inDirectory(finalDir, () => link(tmpPath, finalPath));
        } catch (err) {
          if (errorCode(err) === "EEXIST") throw new BlobExistsError(key);
          throw err;
        }
        await unlink(tmpPath).catch(() => {});
      } else {
        await inDirectory(finalDir, () => rename(tmpPath, finalPath));
      }
      await syncDirectory(finalDir);
      return result;
    } catch (err) {
      await unlink(tmpPath).catch(() => {});
      throw err;
    }
  }

  /** Opens a regular file for reading, or throws BlobNotFoundError. */
  async function openObject(key: string, range?: ByteRange): Promise<{ handle: FileHandle; size: number }> {
    const filePath = pathFor(key);
    if (range) assertValidRange(range);
    let handle: FileHandle;
    try {
      handle = await fsOp(open(filePath, "r"));
    } catch (err) {
      if (MISSING_CODES.has(errorCode(err) ?? "")) throw new BlobNotFoundError(key);
      throw err;
    }
    try {
      const info = await fsOp(handle.stat());
      // Opening a directory succeeds on Linux; it is still not an object.
      if (!info.isFile()) throw new BlobNotFoundError(key);
      return { handle, size: info.size };
    } catch (err) {
      await handle.close().catch(() => {});
      throw err;
    }
  }

  async function get(key: string, range?: ByteRange): Promise<Readable> {
    const { handle } = await openObject(key, range);
    // The stream owns the handle and closes it when it ends or is destroyed.
    return handle.createReadStream({ start: range?.start, end: range?.end, highWaterMark: IO_CHUNK });
  }

  /**
   * Reads into a few 1 MiB buffers that go back to a free list when the sink's write callback
   * says the chunk is out of its hands. A read stream allocates a fresh buffer per chunk instead,
   * and at network speed that external memory makes V8 run a full GC every few dozen MB.
   */
  async function writeTo(key: string, sink: Writable, range?: ByteRange): Promise<void> {
    const { handle, size } = await openObject(key, range);
    const free: Buffer[] = [];
    let pending = 0;
    let allWritten: (() => void) | undefined;
    try {
      const end = range ? Math.min(range.end + 1, size) : size;
      for (let position = range?.start ?? 0; position < end;) {
        if (sink.destroyed) return;
        const buffer = free.pop() ?? Buffer.allocUnsafeSlow(IO_CHUNK);
        const { bytesRead } = await fsOp(handle.read(buffer, 0, Math.min(IO_CHUNK, end - position), position));
        if (bytesRead === 0) throw new Error(`blob ${key} ended early`);
        position += bytesRead;
        pending++;
        const more = sink.write(buffer.subarray(0, bytesRead), (error) => {
          pending--;
          if (!error) free.push(buffer);
          if (pending === 0) allWritten?.();
        });
        if (!more && !sink.destroyed) await drained(sink);
      }
      // Done when the sink has taken every chunk (or can take none any more).
      if (pending > 0 && !sink.destroyed) {
        const settled = new Promise<void>((resolve) => (allWritten = resolve));
        const gone = () => allWritten?.();
        sink.once("close", gone);
        await settled;
        sink.off("close", gone);
      }
    } finally {
      await handle.close().catch(() => {});
    }
  }

  async function statKey(key: string): Promise<{ size: number } | null> {
    const filePath = pathFor(key);
    try {
      const info = await fsOp(stat(filePath));
      return info.isFile() ? { size: info.size } : null;
    } catch (err) {
      if (MISSING_CODES.has(errorCode(err) ?? "")) return null;
      throw err;
    }
  }

  async function deleteKey(key: string): Promise<void> {
    const filePath = pathFor(key);
    try {
      await fsOp(unlink(filePath));
    } catch (err) {
      if (MISSING_CODES.has(errorCode(err) ?? "")) return;
      throw err;
    }
  }

  async function listDir(dir: string): Promise<string[]> {
    try {
      return await fsOp(readdir(dir));
    } catch (err) {
      if (MISSING_CODES.has(errorCode(err) ?? "")) return [];
      throw err;
    }
  }

  /**
   * Walks the directories under the prefix's whole segments, one open directory per level
   * (opendir streams its entries, so a folder of a million objects is not read at once).
   * Names starting with "." are never keys: the temp and upload folders, temp files.
   */
  async function* list(prefix = ""): AsyncGenerator<BlobListing> {
    assertValidBlobPrefix(prefix);
    const cut = prefix.lastIndexOf("/") + 1;
    yield* walk(prefix.slice(0, cut), prefix.slice(cut));
  }

  async function* walk(rel: string, partial = ""): AsyncGenerator<BlobListing> {
    const dir = path.join(root, rel);
    let entries;
    try {
      entries = await fsOp(opendir(dir, { bufferSize: 256 }));
    } catch (err) {
      if (MISSING_CODES.has(errorCode(err) ?? "")) return;
      throw err;
    }
    for await (const entry of entries) {
      if (entry.name.startsWith(".") || !entry.name.startsWith(partial)) continue;
      const key = rel + entry.name;
      if (!isValidBlobKey(key)) continue;
      if (entry.isDirectory()) {
        yield* walk(`${key}/`);
      } else if (entry.isFile()) {
        // Deleted since the directory was read: not listed.
        const info = await stat(path.join(dir, entry.name)).catch(() => null);
        if (info?.isFile()) yield { key, size: info.size, lastModified: info.mtime };
      }
    }
  }

  /** Temp files of interrupted puts, and multipart uploads nobody added a part to since `olderThan`. */
  async function removeIncomplete(olderThan: Date): Promise<number> {
    let removed = 0;
    for (const [dir, remove] of [
      [tmpDir, (p: string) => unlink(p)],
      [uploadsDir, (p: string) => rm(p, { recursive: true })],
    ] as const) {
      for (const name of await listDir(dir)) {
        const entry = path.join(dir, name);
        // Age, not presence: another process may be writing to it right now.
        const info = await stat(entry).catch(() => null);
        if (
          info &&
          info.mtime < olderThan &&
          (await remove(entry).then(
            () => true,
            () => false,
          ))
        )
          removed++;
      }
    }
    return removed;
  }

  // Multipart uploads: parts are files in .uploads/<uploadId>/, joined into the object by complete().
  const uploadsDir = path.join(root, ".uploads");

  async function uploadDir(key: string, uploadId: string): Promise<string> {
    assertValidBlobKey(key);
    if (!UPLOAD_ID.test(uploadId)) throw new BlobNotFoundError(key);
    const dir = path.join(uploadsDir, uploadId);
    const info = await stat(dir).catch(() => null);
    if (!info?.isDirectory()) throw new BlobNotFoundError(key);
    return dir;
  }

  async function listParts(key: string, uploadId: string): Promise<UploadedPart[]> {
    const dir = await uploadDir(key, uploadId);
    const parts: UploadedPart[] = [];
    for (const name of await listDir(dir)) {
      const m = PART_FILE.exec(name);
      const info = m ? await stat(path.join(dir, name)).catch(() => null) : null;
      if (m && info) parts.push({ partNumber: Number(m[1]), size: info.size });
    }
    return parts.sort((a, b) => a.partNumber - b.partNumber);
  }

  const multipart: MultipartUploads = {
    async start(key) {
      assertValidBlobKey(key);
      const uploadId = randomBytes(16).toString("hex");
      await fsOp(mkdir(path.join(uploadsDir, uploadId), { recursive: true }));
      return uploadId;
    },
    partUrl: async () => null,
    async putPart(key, uploadId, partNumber, body, size) {
      const dir = await uploadDir(key, uploadId);
      const { tmpPath, ...result } = await writeTemp(dir, body, size);
      try {
        if (result.size !== size) throw new BlobSizeMismatchError(size, result.size);
        // A resent part replaces the earlier one, as with S3.
        await fsOp(rename(tmpPath, path.join(dir, partFile(partNumber))));
      } catch (err) {
        await unlink(tmpPath).catch(() => {});
        throw err;
      }
      return { partNumber, size, etag: `"${result.sha256}"` };
    },
    listParts,
    async complete(key, uploadId, parts) {
      const dir = await uploadDir(key, uploadId);
      async function* joined(): AsyncGenerator<Uint8Array> {
        for (const part of parts) {
          try {
            yield* createReadStream(path.join(dir, partFile(part.partNumber)), { highWaterMark: IO_CHUNK });
          } catch (err) {
            if (MISSING_CODES.has(errorCode(err) ?? "")) throw new BlobNotFoundError(key);
            throw err;
          }
        }
      }
      const result = await put(key, joined(), { ifAbsent: true });
      await rm(dir, { recursive: true, force: true });
      return result;
    },
    async abort(key, uploadId) {
      assertValidBlobKey(key);
      if (UPLOAD_ID.test(uploadId)) await fsOp(rm(path.join(uploadsDir, uploadId), { recursive: true, force: true }));
    },
  };

  return {
    backend: "fs",
    list,
    removeIncomplete,
    multipart,
    put,
    get,
    writeTo,
    stat: statKey,
    exists: async (key) => (await statKey(key)) !== null,
    delete: deleteKey,
  };
}
