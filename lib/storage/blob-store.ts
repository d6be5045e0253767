import type { Readable, Writable } from "node:stream";
import { branded } from "../process-state.ts";

/** A byte range, both ends inclusive (as in HTTP `Range: bytes=start-end`). */
export type ByteRange = { start: number; end: number };

export type PutOptions = {
  /** Stop reading and fail with BlobTooLargeError once more than this many bytes arrive. */
  maxBytes?: number;
  /**
   * Create only: fail with BlobExistsError, and leave the stored object alone, when the key
   * already holds one. Version bytes always go to fresh keys; this makes sure of it.
   */
  ifAbsent?: boolean;
};

export type PutResult = { size: number; sha256: string };

/**
 * Where version bytes live. Keys are built by the server from ids (see `makeBlobKey`), never
 * from client-supplied names, and every driver must pass test/storage/blob-store-conformance.ts.
 */
export interface BlobStore {
  /** Recorded on each version so reads still find old bytes after the backend changes. */
  readonly backend: BlobBackend;
  /**
   * Streams `body` into `key`, computing size and sha256 on the way. Readers never see a
   * partial object: the bytes become visible at `key` only once complete and durable. On any
   * failure (including the source stream erroring or exceeding maxBytes) nothing is left behind.
   */
  put(key: string, body: Readable | AsyncIterable<Uint8Array>, options?: PutOptions): Promise<PutResult>;
  /** Streams the object (or one inclusive range of it). Throws BlobNotFoundError. */
  get(key: string, range?: ByteRange): Promise<Readable>;
  /**
   * Writes the object (or one inclusive range) into `sink`, the download path's way to read: a
   * driver may reuse its read buffers once the sink's write callback has released each one,
   * instead of allocating a new buffer per chunk. Throws BlobNotFoundError before writing
   * anything; stops early, without error, if the sink is destroyed (the client went away).
   */
  writeTo(key: string, sink: Writable, range?: ByteRange): Promise<void>;
  /** Size of the object, or null when it does not exist. */
  stat(key: string): Promise<{ size: number } | null>;
  exists(key: string): Promise<boolean>;
  /** Idempotent: deleting a missing key succeeds. */
  delete(key: string): Promise<void>;
  /**
   * Every complete object whose key starts with `prefix` (all when omitted), in no particular
   * order, read page by page so memory stays flat however many there are. Only keys that pass
   * assertValidBlobKey: temp files, upload parts and foreign objects in a shared bucket are not
   * listed. Objects put or deleted while the listing runs may or may not appear.
   */
  list(prefix?: string): AsyncIterable<BlobListing>;
  /**
   * Removes what interrupted puts left behind (a killed process cannot clean up after itself),
   * if untouched since `olderThan`. Returns how many were removed.
   */
  removeIncomplete(olderThan: Date): Promise<number>;
  readonly multipart: MultipartUploads;
  /**
   * A URL that serves the object without credentials until it expires, straight from the
   * storage service. Absent when the driver cannot mint one (the server then streams the bytes).
   */
  presignGet?(key: string, options: PresignGetOptions): Promise<string>;
}

/** One stored object, as list() reports it. */
export type BlobListing = { key: string; size: number; lastModified: Date };

/** What a presigned download URL makes the storage service answer with. */
export type PresignGetOptions = {
  expiresInSeconds: number;
  contentType: string;
  contentDisposition: string;
  cacheControl?: string;
};

export type UploadedPart = { partNumber: number; size: number; etag?: string };

/**
 * Files sent in numbered parts (direct uploads of up to 100 GB). With S3 the client sends each
 * part straight to the bucket through a presigned URL; other drivers take the parts themselves
 * through `putPart`. Nothing is visible at `key` until `complete`.
 */
export interface MultipartUploads {
  /** Begins an upload that will end at `key`; returns the driver's upload id. */
  start(key: string): Promise<string>;
  /** A presigned URL the client PUTs the part to, or null when parts go through `putPart`. */
  partUrl(key: string, uploadId: string, partNumber: number, expiresInSeconds: number): Promise<string | null>;
  /** Stores one part; fails with BlobSizeMismatchError unless exactly `size` bytes arrive. */
  putPart(
    key: string,
    uploadId: string,
    partNumber: number,
    body: Readable | AsyncIterable<Uint8Array>,
    size: number,
  ): Promise<UploadedPart>;
  /** The parts stored so far, by part number. Throws BlobNotFoundError for an unknown upload. */
  listParts(key: string, uploadId: string): Promise<UploadedPart[]>;
  /**
   * Joins the parts into the object at `key` (create only). Returns the size, and the sha256
   * when the driver computed it on the way (otherwise the caller reads the object to hash it).
   */
  complete(key: string, uploadId: string, parts: UploadedPart[]): Promise<{ size: number; sha256?: string }>;
  /** Discards the parts; aborting an unknown or finished upload succeeds. */
  abort(key: string, uploadId: string): Promise<void>;
}

/** "fs", or "s3:<bucket>": recorded on each version so its bytes are found after a switch. */
export type BlobBackend = string;

// Stores live in process state, shared by both copies of lib/ in the server process, so an
// error may come from the other copy's class: `instanceof` goes by a process-wide brand.
const blobNotFoundError = branded("BlobNotFoundError");

export class BlobNotFoundError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return blobNotFoundError.is(value);
  }
  readonly [blobNotFoundError.brand] = true;
  constructor(readonly key: string) {
    super(`blob not found: ${key}`);
    this.name = "BlobNotFoundError";
  }
}

const blobTooLargeError = branded("BlobTooLargeError");

export class BlobTooLargeError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return blobTooLargeError.is(value);
  }
  readonly [blobTooLargeError.brand] = true;
  constructor(readonly maxBytes: number) {
    super(`blob exceeds ${maxBytes} bytes`);
    this.name = "BlobTooLargeError";
  }
}

const blobExistsError = branded("BlobExistsError");

export class BlobExistsError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return blobExistsError.is(value);
  }
  readonly [blobExistsError.brand] = true;
  constructor(readonly key: string) {
    super(`blob already exists: ${key}`);
    this.name = "BlobExistsError";
  }
}

const blobSizeMismatchError = branded("BlobSizeMismatchError");

export class BlobSizeMismatchError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return blobSizeMismatchError.is(value);
  }
  readonly [blobSizeMismatchError.brand] = true;
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`expected ${expected} bytes, received ${actual}`);
    this.name = "BlobSizeMismatchError";
  }
}

/** The store cannot be reached or refuses to work (disk full, permissions, network). */
const blobStoreUnavailableError = branded("BlobStoreUnavailableError");

export class BlobStoreUnavailableError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return blobStoreUnavailableError.is(value);
  }
  readonly [blobStoreUnavailableError.brand] = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "BlobStoreUnavailableError";
  }
}

const KEY_PATTERN = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/;

/**
 * Keys are lowercase id segments joined by `/`. The pattern rules out empty, `.` and `..`
 * segments by construction, so a key can never escape a driver's root.
 */
export function isValidBlobKey(key: string): boolean {
  return key.length <= 512 && KEY_PATTERN.test(key);
}

export function assertValidBlobKey(key: string): void {
  if (!isValidBlobKey(key)) {
    throw new Error(`invalid blob key: ${JSON.stringify(key)}`);
  }
}

const PREFIX_PATTERN = /^([a-z0-9][a-z0-9_-]*\/)*[a-z0-9_-]*$/;

/** A list() prefix: the start of a valid key (whole segments, then part of one). */
export function assertValidBlobPrefix(prefix: string): void {
  if (prefix.length > 512 || !PREFIX_PATTERN.test(prefix)) {
    throw new Error(`invalid blob key prefix: ${JSON.stringify(prefix)}`);
  }
}
