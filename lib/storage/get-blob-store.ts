import "server-only";
import path from "node:path";
import { getConfig, type TConfig } from "../config.ts";
import { StowageError } from "../errors.ts";
import type { BlobStore } from "./blob-store.ts";
import { createFsBlobStore } from "./fs-blob-store.ts";
import { createS3BlobStore } from "./s3-blob-store.ts";
import { withTestPauseAfterPut } from "./test-pause-after-put.ts";
import { processState } from "../process-state.ts";
import { withErrorCounting } from "../observability/count-blob-store-errors.ts";

/**
 * One store per backend and configuration in the process (both module copies share them, and
 * with them the S3 client's connection pool); a changed configuration (resetConfigForTests)
 * gets its own.
 */
const stores = () => processState("blob-stores", () => new Map<string, BlobStore>());

function createStore(backend: string): BlobStore {
  const config = getConfig();
  if (backend === "fs") return createFsBlobStore({ root: path.join(config.dataDir, "blobs") });
  if (backend.startsWith("s3:")) {
    // The bucket comes from the version record; endpoint and credentials from the configuration.
    if (!config.s3)
      throw new StowageError(
        "ARTIFACT_STORAGE_UNAVAILABLE",
        `these bytes are in S3 (${backend}) but S3 is not configured (S3_BUCKET and friends)`,
      );
    return createS3BlobStore({ ...config.s3, bucket: backend.slice(3) });
  }
  throw new StowageError("ARTIFACT_STORAGE_UNAVAILABLE", `unknown storage backend "${backend}" (known: fs, s3:<bucket>)`);
}

/** Every store the configuration names: the data dir always, the S3 bucket when one is set. */
export function configuredBackends(config: Pick<TConfig, "s3"> = getConfig()): string[] {
  return ["fs", ...(config.s3 ? [`s3:${config.s3.bucket}`] : [])];
}

/** The store new uploads go to: STOWAGE_STORAGE_BACKEND, else S3 when S3_BUCKET is set, else the data dir. */
export function getWriteBlobStore(): BlobStore {
  const config = getConfig();
  return getBlobStore(config.storageBackend === "s3" ? `s3:${config.s3!.bucket}` : "fs");
}

/** The store holding a version's bytes, from the backend recorded on the version ("fs", "s3:<bucket>"). */
export function getBlobStore(backend: string): BlobStore {
  const config = getConfig();
  const cacheKey = JSON.stringify([backend, config.dataDir, config.s3]);
  let store = stores().get(cacheKey);
  if (!store) {
    store = withErrorCounting(withTestPauseAfterPut(createStore(backend)));
    stores().set(cacheKey, store);
  }
  return store;
}
