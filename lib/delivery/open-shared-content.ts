import "server-only";
import type { Db } from "../db/client.ts";
import { recordDownload } from "../audit/record-download.ts";
import { contentResult } from "../http/content-response.ts";
import { resolveShareToken } from "../sharing/share-links.ts";
import type { TContentRequest, TOpenedContent } from "./open-version-content.ts";

/**
 * A version's bytes for a share link or signed download URL (the token is the credential):
 * checks the token, builds the content result and records the download as anonymous via that
 * link or URL. A redirect's presigned URL never outlives the link that led to it.
 */
export async function openSharedContent(
  db: Db,
  token: string,
  req: TContentRequest,
  options: { presignSeconds: number },
): Promise<TOpenedContent> {
  const version = await resolveShareToken(db, token);
  const secondsLeft = (version.linkExpiresAt.getTime() - Date.now()) / 1000;
  const result = await contentResult(req, version, {
    cacheControl: "private, no-cache",
    presignSeconds: Math.min(options.presignSeconds, secondsLeft),
  });
  const audited = recordDownload(db, {
    actor: null,
    via: version.linkId ? "share-link" : "download-url",
    linkId: version.linkId,
    namespace: version.namespace,
    artifactId: version.artifactId,
    version: version.version,
    method: req.method,
    result,
  });
  return { ...result, audited };
}
