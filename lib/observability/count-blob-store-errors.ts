import "server-only";
import {
  BlobExistsError,
  BlobNotFoundError,
  BlobSizeMismatchError,
  BlobStoreUnavailableError,
  BlobTooLargeError,
  type BlobListing,
  type BlobStore,
  type MultipartUploads,
} from "../storage/blob-store.ts";
import { StowageError } from "../errors.ts";
import { isClientAbort } from "../http/is-client-abort.ts";
import { blobStoreErrors } from "./stowage-metrics.ts";

// Answers about the request, not failures of the store: a missing key, a body over the limit
// or of the wrong size, a key taken, a client that hung up mid-body. (instanceof goes by the
// classes' process-wide brand, so errors from either copy of lib/ are recognised.)
const NOT_STORE_FAILURES = [BlobNotFoundError, BlobTooLargeError, BlobExistsError, BlobSizeMismatchError, StowageError];

function isStoreFailure(error: unknown): boolean {
  if (error instanceof BlobStoreUnavailableError) return true;
  if (NOT_STORE_FAILURES.some((kind) => error instanceof kind)) return false;
  return !isClientAbort(error);
}

/** The same store, counting its failed operations in stowage_blob_store_errors_total{backend,operation}. */
export function withErrorCounting(store: BlobStore): BlobStore {
  const backend = store.backend;
  const counted =
    <A extends unknown[], R>(operation: string, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn(...args);
      } catch (error) {
        if (isStoreFailure(error)) blobStoreErrors.inc({ backend, operation });
        throw error;
      }
    };
  const multipart: MultipartUploads = {
    start: counted("multipart.start", (...a: Parameters<MultipartUploads["start"]>) => store.multipart.start(...a)),
    partUrl: counted("multipart.partUrl", (...a: Parameters<MultipartUploads["partUrl"]>) => store.multipart.partUrl(...a)),
    putPart: counted("multipart.putPart", (...a: Parameters<MultipartUploads["putPart"]>) => store.multipart.putPart(...a)),
    listParts: counted("multipart.listParts", (...a: Parameters<MultipartUploads["listParts"]>) => store.multipart.listParts(...a)),
    complete: counted("multipart.complete", (...a: Parameters<MultipartUploads["complete"]>) => store.multipart.complete(...a)),
    abort: counted("multipart.abort", (...a: Parameters<MultipartUploads["abort"]>) => store.multipart.abort(...a)),
  };
  return {
    backend,
    put: counted("put", (...a: Parameters<BlobStore["put"]>) => store.put(...a)),
    get: counted("get", (...a: Parameters<BlobStore["get"]>) => store.get(...a)),
    writeTo: counted("writeTo", (...a: Parameters<BlobStore["writeTo"]>) => store.writeTo(...a)),
    stat: counted("stat", (...a: Parameters<BlobStore["stat"]>) => store.stat(...a)),
    exists: counted("exists", (...a: Parameters<BlobStore["exists"]>) => store.exists(...a)),
    delete: counted("delete", (...a: Parameters<BlobStore["delete"]>) => store.delete(...a)),
    list: (prefix) => countedListing(backend, store.list(prefix)),
    removeIncomplete: counted("removeIncomplete", (...a: Parameters<BlobStore["removeIncomplete"]>) => store.removeIncomplete(...a)),
    multipart,
    ...(store.presignGet
      ? { presignGet: counted("presignGet", (...a: Parameters<NonNullable<BlobStore["presignGet"]>>) => store.presignGet!(...a)) }
      : {}),
  };
}

async function* countedListing(backend: string, listing: AsyncIterable<BlobListing>) {
  try {
    yield* listing;
  } catch (error) {
    if (isStoreFailure(error)) blobStoreErrors.inc({ backend, operation: "list" });
    throw error;
  }
}
