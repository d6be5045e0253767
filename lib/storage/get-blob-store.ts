import "server-only";
import path from "node:path";
import { getConfig } from "../config.ts";
import { StowageError } from "../errors.ts";
import type { BlobBackend, BlobStore } from "./blob-store.ts";
import { createFsBlobStore } from "./fs-blob-store.ts";

/** Keyed by backend and data dir, so a changed configuration (resetConfigForTests) gets its own stores. */
const stores = new Map<string, BlobStore>();

function createStore(backend: BlobBackend): BlobStore {
  switch (backend) {
    case "fs":
      return createFsBlobStore({ root: path.join(getConfig().dataDir, "blobs") });
    case "s3":
      throw new StowageError("ARTIFACT_STORAGE_UNAVAILABLE", "the S3 storage backend is not available in this build");
  }
}

function toBackend(value: string): BlobBackend {
  if (value === "fs" || value === "s3") return value;
  throw new StowageError("ARTIFACT_STORAGE_UNAVAILABLE", `unknown storage backend "${value}" (known: fs, s3)`);
}

/** The store new uploads go to: S3 when S3_BUCKET is set, else the filesystem under the data dir. */
export function getWriteBlobStore(): BlobStore {
  return getBlobStore(process.env.S3_BUCKET ? "s3" : "fs");
}

/** The store holding a version's bytes, from the backend recorded on the version. */
export function getBlobStore(backend: string): BlobStore {
  const key = toBackend(backend);
  const cacheKey = `${key}:${getConfig().dataDir}`;
  let store = stores.get(cacheKey);
  if (!store) {
    store = createStore(key);
    stores.set(cacheKey, store);
  }
  return store;
}
