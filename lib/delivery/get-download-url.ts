import "server-only";
import type { TVersionRef } from "../aliases/version-ref.ts";
import type { Db } from "../db/client.ts";
import type { TPrincipal } from "../access/principal.ts";
import { getVersion } from "../artifacts/get-artifact.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";
import { checkUrlLifetime, signShareUrl } from "../sharing/share-links.ts";
import { presignVersion } from "./presign-version.ts";

/**
 * A time-limited URL to a version's bytes that needs no credentials, for clients that hand the
 * download to something else (a browser, another process). With S3 it is a presigned S3 URL;
 * with the filesystem a signed Stowage URL, so clients need one code path. Authorized first.
 */
export async function getDownloadUrl(
  db: Db,
  principal: TPrincipal,
  artifactId: string,
  options: { version?: TVersionRef; expiresIn?: number; forceDownload?: boolean; maxSeconds: number; baseUrl: string },
) {
  const expiresIn = options.expiresIn ?? options.maxSeconds;
  checkUrlLifetime(expiresIn, options.maxSeconds);
  const { artifact, row } = await getVersion(db, principal, artifactId, options.version);
  const presigned = await presignVersion(row, { expiresInSeconds: expiresIn, forceDownload: options.forceDownload });
  const minted = presigned
    ? { ...presigned, delivery: "s3" as const }
    : { ...(await signShareUrl(db, artifactId, row.version, expiresIn, options.baseUrl)), delivery: "stowage" as const };
  // The expiry, never the URL: the URL is the credential.
  await recordAuditEvent(db, {
    actor: principal,
    action: "url.mint",
    namespace: artifact.namespace.name,
    artifactId,
    version: row.version,
    details: { via: "url", delivery: minted.delivery, expiresAt: minted.expiresAt, ...(options.forceDownload ? { download: true } : {}) },
  });
  return { url: minted.url, expiresAt: minted.expiresAt, version: row.version, delivery: minted.delivery };
}
