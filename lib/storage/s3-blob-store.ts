import "server-only";

import { createHash } from "node:crypto";
import { Readable, type Writable } from "node:stream";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  S3Client,
  UploadPartCommand,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

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
  type PresignGetOptions,
  type PutOptions,
  type PutResult,
  type UploadedPart,
} from "./blob-store.ts";
import { assertValidRange, drained } from "./stream-helpers.ts";
import { applyS3Deadlines, s3RequestHandlerOptions, withoutIdleTimer } from "./s3-deadlines.ts";

export type S3BlobStoreOptions = {
  bucket: string;
  /** For S3-compatible services (Ceph, MinIO, R2, B2, GCS interoperability); AWS when unset. */
  endpoint?: string;
  /** The endpoint clients reach for presigned URLs, when it differs from the server's. */
  publicEndpoint?: string;
  region?: string;
  forcePathStyle?: boolean;
  /** Static keys; the AWS default credential chain when unset. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

/** Parts of a put through the server: a few in flight, so memory stays near partSize × queue. */
const PUT_PART_SIZE = 8 * 1024 * 1024;
const PUT_QUEUE = 3;
/** CompleteMultipartUpload of a direct upload (up to 10,000 parts), until S3's answer starts. */
const COMPLETE_TIMEOUT_MS = 30_000;

function clientConfig(o: S3BlobStoreOptions, endpoint: string | undefined): S3ClientConfig {
  return {
    region: o.region ?? "us-east-1",
    endpoint,
    forcePathStyle: o.forcePathStyle,
    credentials: o.credentials,
    // Checksums only where S3 requires them: several S3-compatible servers reject the SDK's
    // default trailing checksums on streamed bodies (411), and we hash with sha256 ourselves.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    // An unreachable or silent store must fail within seconds (503), not hang a request: the
    // deadlines are in s3-deadlines.ts. Retries are for broken connections; timeouts are final.
    maxAttempts: 3,
    requestHandler: s3RequestHandlerOptions(),
  };
}

type TS3Error = { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };

function statusOf(error: unknown): number | undefined {
  return (error as TS3Error | null)?.$metadata?.httpStatusCode;
}

function isNotFound(error: unknown): boolean {
  const name = (error as TS3Error | null)?.name;
  return name === "NoSuchKey" || name === "NotFound" || name === "NoSuchUpload" || statusOf(error) === 404;
}

function isPreconditionFailed(error: unknown): boolean {
  return (error as TS3Error | null)?.name === "PreconditionFailed" || statusOf(error) === 412;
}

/**
 * Anything S3 answers that is not about the one object (network failures, 5xx, a missing
 * bucket, refused credentials) means the store is unusable right now: a 503 for the client.
 */
function unavailable(error: unknown): BlobStoreUnavailableError {
  const e = error as TS3Error | null;
  const what = e?.name ?? e?.code ?? "error";
  return new BlobStoreUnavailableError(`S3 storage unavailable (${what}${statusOf(error) ? ` ${statusOf(error)}` : ""})`, { cause: error });
}

async function s3Op<T>(operation: Promise<T>): Promise<T> {
  try {
    return await operation;
  } catch (error) {
    if (isNotFound(error) || isPreconditionFailed(error)) throw error;
    throw unavailable(error);
  }
}

/**
 * Hashes, counts and limits a body on its way to S3, remembering whether the source failed; the
 * signal aborts the request then, which would otherwise wait for the bytes it was promised.
 */
function meteredBody(body: Readable | AsyncIterable<Uint8Array>, maxBytes: number | undefined) {
  const hash = createHash("sha256");
  const aborter = new AbortController();
  const state = { size: 0, sourceError: undefined as unknown };
  async function* metered(): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
        const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
        state.size += bytes.byteLength;
        if (maxBytes !== undefined && state.size > maxBytes) throw new BlobTooLargeError(maxBytes);
        hash.update(bytes);
        yield bytes;
      }
    } catch (error) {
      state.sourceError = error;
      aborter.abort(error);
      throw error;
    }
  }
  const stream = Readable.from(metered(), { objectMode: false });
  // The failure is reported through state.sourceError; the stream's own error event has no reader.
  stream.on("error", () => undefined);
  return { stream, state, signal: aborter.signal, digest: () => hash.digest("hex") };
}

export function createS3BlobStore(options: S3BlobStoreOptions): BlobStore {
  // The SDK warns on every start that its releases after January 2027 need Node 22. Ours are
  // pinned to exact versions that support Node 20, so the warning only alarms operators.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const { bucket } = options;
  const client = new S3Client(clientConfig(options, options.endpoint));
  applyS3Deadlines(client);
  // Signing is local; a separate client only changes the host written into presigned URLs.
  const presignClient = options.publicEndpoint ? new S3Client(clientConfig(options, options.publicEndpoint)) : client;
  const backend = `s3:${bucket}`;

  async function put(key: string, body: Readable | AsyncIterable<Uint8Array>, putOptions?: PutOptions): Promise<PutResult> {
    assertValidBlobKey(key);
    const metered = meteredBody(body, putOptions?.maxBytes);
    const upload = new Upload({
      client,
      partSize: PUT_PART_SIZE,
      queueSize: PUT_QUEUE,
      params: {
        Bucket: bucket,
        Key: key,
        Body: metered.stream,
        ContentType: "application/octet-stream",
        ...(putOptions?.ifAbsent ? { IfNoneMatch: "*" } : {}),
      },
    });
    try {
      metered.signal.addEventListener("abort", () => void upload.abort());
      await upload.done();
    } catch (error) {
      // The upload aborted its multipart parts itself (leavePartsOnError is off).
      metered.stream.destroy();
      if (metered.state.sourceError) throw metered.state.sourceError;
      if (isPreconditionFailed(error)) throw new BlobExistsError(key);
      throw unavailable(error);
    }
    return { size: metered.state.size, sha256: metered.digest() };
  }

  async function getObject(key: string, range?: ByteRange) {
    assertValidBlobKey(key);
    if (range) assertValidRange(range);
    try {
      const out = await s3Op(
        client.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined })),
      );
      return out.Body as Readable;
    } catch (error) {
      if (isNotFound(error)) throw new BlobNotFoundError(key);
      throw error;
    }
  }

  async function writeTo(key: string, sink: Writable, range?: ByteRange): Promise<void> {
    const body = await getObject(key, range);
    try {
      let last: Promise<void> = Promise.resolve();
      for await (const chunk of body) {
        if (sink.destroyed) return;
        // Done means the sink has taken every chunk: callbacks run in order, so the last one says so.
        last = new Promise((resolve) => sink.write(chunk, () => resolve()));
        if (sink.writableNeedDrain && !sink.destroyed) await withoutIdleTimer(body, drained(sink));
      }
      if (!sink.destroyed) await Promise.race([last, new Promise((resolve) => sink.once("close", resolve))]);
    } catch (error) {
      if (!sink.destroyed) throw unavailable(error);
    } finally {
      body.destroy();
    }
  }

  async function stat(key: string): Promise<{ size: number } | null> {
    assertValidBlobKey(key);
    try {
      const head = await s3Op(client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })));
      return { size: head.ContentLength ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async function deleteKey(key: string): Promise<void> {
    assertValidBlobKey(key);
    try {
      await s3Op(client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  async function abort(key: string, uploadId: string): Promise<void> {
    assertValidBlobKey(key);
    try {
      await s3Op(client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId })));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  /** ListObjectsV2 page by page (1000 keys each); keys that are not ours (a shared bucket) are skipped. */
  async function* list(prefix = ""): AsyncGenerator<BlobListing> {
    assertValidBlobPrefix(prefix);
    let token: string | undefined;
    do {
      let page;
      try {
        page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, ContinuationToken: token }));
      } catch (error) {
        // A missing bucket is a broken store here, not a missing object.
        throw unavailable(error);
      }
      for (const o of page.Contents ?? []) {
        if (!o.Key || !isValidBlobKey(o.Key)) continue;
        // An object without a date counts as new, so nothing deletes it for being old.
        yield { key: o.Key, size: o.Size ?? 0, lastModified: o.LastModified ?? new Date() };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async function removeIncomplete(olderThan: Date): Promise<number> {
    let removed = 0;
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    do {
      const page = await s3Op(
        client.send(new ListMultipartUploadsCommand({ Bucket: bucket, KeyMarker: keyMarker, UploadIdMarker: uploadIdMarker })),
      );
      for (const u of page.Uploads ?? []) {
        if (!u.Key || !u.UploadId || !u.Initiated || u.Initiated >= olderThan) continue;
        try {
          assertValidBlobKey(u.Key);
        } catch {
          continue; // not one of ours: the bucket may be shared
        }
        await abort(u.Key, u.UploadId);
        removed++;
      }
      keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
      uploadIdMarker = page.IsTruncated ? page.NextUploadIdMarker : undefined;
    } while (keyMarker);
    return removed;
  }

  async function listParts(key: string, uploadId: string): Promise<UploadedPart[]> {
    assertValidBlobKey(key);
    const parts: UploadedPart[] = [];
    let marker: string | undefined;
    try {
      do {
        const page = await s3Op(
          client.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumberMarker: marker })),
        );
        for (const p of page.Parts ?? []) parts.push({ partNumber: p.PartNumber!, size: p.Size ?? 0, etag: p.ETag });
        marker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
      } while (marker);
    } catch (error) {
      if (isNotFound(error)) throw new BlobNotFoundError(key);
      throw error;
    }
    return parts.sort((a, b) => a.partNumber - b.partNumber);
  }

  const multipart: MultipartUploads = {
    async start(key) {
      assertValidBlobKey(key);
      const out = await s3Op(
        client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: "application/octet-stream" })),
      );
      return out.UploadId!;
    },
    async partUrl(key, uploadId, partNumber, expiresInSeconds) {
      assertValidBlobKey(key);
      return getSignedUrl(presignClient, new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber: partNumber }), {
        expiresIn: expiresInSeconds,
      });
    },
    async putPart(key, uploadId, partNumber, body, size) {
      assertValidBlobKey(key);
      const metered = meteredBody(body, size);
      try {
        const command = new UploadPartCommand({
          Bucket: bucket,
          Key: key,
          UploadId: uploadId,
          PartNumber: partNumber,
          Body: metered.stream,
          ContentLength: size,
        });
        const out = await client.send(command, { abortSignal: metered.signal });
        if (metered.state.size !== size) throw new BlobSizeMismatchError(size, metered.state.size);
        return { partNumber, size, etag: out.ETag };
      } catch (error) {
        metered.stream.destroy();
        if (metered.state.sourceError) throw metered.state.sourceError;
        if (error instanceof BlobSizeMismatchError) throw error;
        if (isNotFound(error)) throw new BlobNotFoundError(key);
        throw unavailable(error);
      }
    },
    listParts,
    async complete(key, uploadId, parts) {
      // IfNoneMatch below makes this atomic where the server honours it; some S3-compatible
      // servers ignore it on Complete, so look first as well.
      if (await stat(key)) throw new BlobExistsError(key);
      try {
        await s3Op(
          client.send(
            new CompleteMultipartUploadCommand({
              Bucket: bucket,
              Key: key,
              UploadId: uploadId,
              IfNoneMatch: "*",
              MultipartUpload: { Parts: parts.map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })) },
            }),
            // S3 assembles thousands of parts before it answers; giving up early would leave
            // the client unsure whether the object exists.
            { requestTimeout: COMPLETE_TIMEOUT_MS },
          ),
        );
      } catch (error) {
        if (isPreconditionFailed(error)) throw new BlobExistsError(key);
        if (isNotFound(error)) throw new BlobNotFoundError(key);
        throw error;
      }
      // Some S3-compatible servers answer Complete with an empty ETag; HEAD has the truth.
      const head = await stat(key);
      if (!head) throw new BlobNotFoundError(key);
      return { size: head.size };
    },
    abort,
  };

  return {
    backend,
    put,
    get: getObject,
    writeTo,
    stat,
    exists: async (key) => (await stat(key)) !== null,
    delete: deleteKey,
    list,
    removeIncomplete,
    multipart,
    async presignGet(key: string, o: PresignGetOptions) {
      assertValidBlobKey(key);
      const command = new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ResponseContentType: o.contentType,
        ResponseContentDisposition: o.contentDisposition,
        ResponseCacheControl: o.cacheControl,
      });
      return getSignedUrl(presignClient, command, { expiresIn: o.expiresInSeconds });
    },
  };
}
