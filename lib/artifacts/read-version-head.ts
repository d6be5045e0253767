import "server-only";
import type { Db } from "../db/client.ts";
import { StowageError } from "../errors.ts";
import type { TPrincipal } from "../access/principal.ts";
import { BlobNotFoundError } from "../storage/blob-store.ts";
import { getBlobStore } from "../storage/get-blob-store.ts";
import { getVersion } from "./get-artifact.ts";

/**
 * The first `maxBytes` of a version (the latest when `version` is undefined), read with a range
 * request so a large file is never loaded whole: what previews and comparisons show.
 */
export async function readVersionHead(db: Db, principal: TPrincipal, id: string, version: number | undefined, maxBytes: number) {
  const { row, dto } = await getVersion(db, principal, id, version);
  const size = Number(row.sizeBytes);
  const length = Math.min(size, maxBytes);
  if (length === 0) return { version: dto, bytes: Buffer.alloc(0), truncated: size > 0 };
  let stream;
  try {
    stream = await getBlobStore(row.backend).get(row.storageKey, { start: 0, end: length - 1 });
  } catch (error) {
    if (error instanceof BlobNotFoundError)
      throw new StowageError("ARTIFACT_STORAGE_UNAVAILABLE", "the stored bytes of this version cannot be read");
    throw error;
  }
  const chunks: Buffer[] = [];
  let read = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.from(chunk as Uint8Array);
    chunks.push(bytes);
    read += bytes.length;
    // A store that ignores the range still never gets more than asked for into memory.
    if (read >= length) break;
  }
  stream.destroy();
  const bytes = Buffer.concat(chunks).subarray(0, length);
  return { version: dto, bytes, truncated: size > bytes.length };
}
