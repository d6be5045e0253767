import "server-only";
import { contentDisposition, isInlineSafe } from "../http/content-disposition.ts";
import { getBlobStore } from "../storage/get-blob-store.ts";

export type TDeliverable = { mimeType: string; filename: string; backend: string; storageKey: string };

/**
 * A URL the storage service itself answers (zero proxy), with the same content type and
 * disposition rules as bytes served by Stowage; null when the version's backend cannot presign
 * (the filesystem). Callers authorize first: the URL is the credential.
 */
export async function presignVersion(
  v: TDeliverable,
  options: { expiresInSeconds: number; forceDownload?: boolean },
): Promise<{ url: string; expiresAt: string } | null> {
  const store = getBlobStore(v.backend);
  if (!store.presignGet) return null;
  const seconds = Math.max(1, Math.floor(options.expiresInSeconds));
  const inline = !options.forceDownload && isInlineSafe(v.mimeType);
  const url = await store.presignGet(v.storageKey, {
    expiresInSeconds: seconds,
    contentType: v.mimeType,
    contentDisposition: contentDisposition(inline ? "inline" : "attachment", v.filename),
    cacheControl: "private, no-cache",
  });
  return { url, expiresAt: new Date(Date.now() + seconds * 1000).toISOString() };
}
