import "server-only";
import { StowageError } from "../errors.ts";
import { BlobNotFoundError, BlobStoreUnavailableError } from "../storage/blob-store.ts";
import { getBlobStore } from "../storage/get-blob-store.ts";
import { READ_LIMITS } from "./limits.ts";
import { isBinaryMimeType, notText } from "./text-content.ts";

/** Refuses a version that is not text, by its type or a NUL byte in its first bytes (read as one range). */
export async function assertTextVersion(v: { backend: string; storageKey: string; mimeType: string; sizeBytes: bigint }): Promise<void> {
  if (isBinaryMimeType(v.mimeType)) throw notText(v.mimeType, `its type is ${v.mimeType}`);
  if (v.sizeBytes === 0n) return;
  const end = Math.min(Number(v.sizeBytes), READ_LIMITS.sniffBytes) - 1;
  try {
    for await (const chunk of await getBlobStore(v.backend).get(v.storageKey, { start: 0, end })) {
      if ((chunk as Buffer).includes(0)) throw notText(v.mimeType, "it contains NUL bytes");
    }
  } catch (error) {
    if (error instanceof BlobNotFoundError || error instanceof BlobStoreUnavailableError) {
      throw new StowageError("ARTIFACT_STORAGE_UNAVAILABLE", "the stored bytes of this version cannot be read");
    }
    throw error;
  }
}
