import "server-only";
import type { TVersionRef } from "../aliases/version-ref.ts";
import type { Db } from "../db/client.ts";
import { isValidServerSignature, serverSignature } from "../access/server-signature.ts";
import { StowageError, notFound, validationFailed } from "../errors.ts";
import { newId } from "../ids.ts";
import type { TPrincipal } from "../access/principal.ts";
import { findVersionOrThrow, isLive } from "../artifacts/find-artifact-or-throw.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";
import { presignVersion } from "../delivery/presign-version.ts";

export const SHARE_MIN_SECONDS = 60;
export const SHARE_DEFAULT_SECONDS = 3600;
/** The longest a SigV4 presigned URL can live. */
export const PRESIGN_MAX_SECONDS = 604800;
// New purposes, not the old "stowage-share-v1": links signed before links became revocable rows
// stop working, rather than living on where no one can revoke them.
const LINK_PURPOSE = "stowage-share-link-v2";
const DOWNLOAD_PURPOSE = "stowage-download-url-v1";

/** Lifetimes of URLs that need no credentials: whole seconds, 60 s to the configured maximum. */
export function checkUrlLifetime(expiresIn: number, maxSeconds: number): void {
  if (!Number.isInteger(expiresIn) || expiresIn < SHARE_MIN_SECONDS || expiresIn > maxSeconds) {
    throw validationFailed(`expiresIn must be an integer from ${SHARE_MIN_SECONDS} to ${maxSeconds} seconds`, { field: "expiresIn" });
  }
}

const shareUrl = (baseUrl: string, token: string) => `${baseUrl.replace(/\/$/, "")}/api/v1/share/${token}`;

/**
 * A link bound to one version that works without credentials until it expires or is revoked.
 * Each link is a ShareLink row; the token is `<linkId>.<signature over the id>`, so the row is
 * checked on every use and nothing but the id (never the token) is stored.
 */
export async function createShareLink(
  db: Db,
  principal: TPrincipal,
  artifactId: string,
  options: { expiresIn?: number; version?: TVersionRef; maxSeconds: number; baseUrl: string },
) {
  const expiresIn = options.expiresIn ?? Math.min(SHARE_DEFAULT_SECONDS, options.maxSeconds);
  checkUrlLifetime(expiresIn, options.maxSeconds);
  // An alias is resolved now: the link stays on that version when the alias moves.
  const { artifact, row } = await findVersionOrThrow(db, principal, artifactId, options.version);
  const version = row.version;
  const expiresAt = new Date((Math.floor(Date.now() / 1000) + expiresIn) * 1000);
  const link = await db.shareLink.create({ data: { id: newId(), artifactId, version, expiresAt, createdById: principal.identityId } });
  const token = `${link.id}.${await serverSignature(db, [LINK_PURPOSE, link.id])}`;
  // Bytes in S3 also get a URL S3 answers itself: no hop through Stowage, but it cannot be
  // revoked and lives at most 7 days (SigV4), so the Stowage link stays the primary one.
  const direct = await presignVersion(row, { expiresInSeconds: Math.min(expiresIn, PRESIGN_MAX_SECONDS) });
  const audit = { actor: principal, namespace: artifact.namespace.name, artifactId, version };
  await recordAuditEvent(db, { ...audit, action: "share_link.create", details: { linkId: link.id, expiresAt: expiresAt.toISOString() } });
  if (direct)
    await recordAuditEvent(db, {
      ...audit,
      action: "url.mint",
      details: { via: "share-link-direct-url", linkId: link.id, expiresAt: direct.expiresAt },
    });
  return {
    id: link.id,
    url: shareUrl(options.baseUrl, token),
    expiresAt: expiresAt.toISOString(),
    version,
    ...(direct ? { directUrl: direct.url, directUrlExpiresAt: direct.expiresAt } : {}),
  };
}

/**
 * A short-lived URL to one version that works without credentials (GET /url on the filesystem
 * backend). Stateless like a presigned S3 URL, and like one it cannot be revoked: lifetimes
 * stay within PRESIGNED_URL_EXPIRY_SECONDS. Revocable links are createShareLink's.
 */
export async function signShareUrl(db: Db, artifactId: string, version: number, expiresIn: number, baseUrl: string) {
  const expires = Math.floor(Date.now() / 1000) + expiresIn;
  const token = `${artifactId}.${version}.${expires}.${await serverSignature(db, [DOWNLOAD_PURPOSE, artifactId, version, expires])}`;
  return { url: shareUrl(baseUrl, token), expiresAt: new Date(expires * 1000).toISOString() };
}

const invalidLink = (why: string) => new StowageError("ARTIFACT_SHARE_LINK_INVALID", why);

const LINK_TOKEN = /^([a-z0-9]{26})\.([A-Za-z0-9_-]{43})$/;
const DOWNLOAD_TOKEN = /^([a-z0-9]{26})\.(\d{1,10})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

/**
 * Checks a share link or download URL token and finds the version it grants, or throws 403
 * (tampered, expired or revoked) / 404 (artifact or version gone). `linkId` is null for
 * download URLs.
 */
export async function resolveShareToken(db: Db, token: string) {
  const link = LINK_TOKEN.exec(token);
  if (link) return resolveLinkToken(db, link[1]!, link[2]!);
  const download = DOWNLOAD_TOKEN.exec(token);
  if (download) return resolveDownloadToken(db, download[1]!, Number(download[2]), Number(download[3]), download[4]!);
  throw invalidLink("this share link is not valid");
}

async function resolveLinkToken(db: Db, linkId: string, signature: string) {
  if (!(await isValidServerSignature(db, [LINK_PURPOSE, linkId], signature))) throw invalidLink("this share link is not valid");
  const link = await db.shareLink.findUnique({
    where: { id: linkId },
    include: { artifact: { include: { namespace: { select: { name: true } } } } },
  });
  // A genuine link whose row is gone went with its artifact.
  if (!link) throw notFound();
  if (link.revokedAt) throw invalidLink("this share link has been revoked");
  if (link.expiresAt.getTime() <= Date.now()) throw invalidLink("this share link has expired");
  if (!isLive(link.artifact)) throw notFound();
  const row = await db.artifactVersion.findUnique({
    where: { artifactId_version: { artifactId: link.artifactId, version: link.version } },
  });
  if (!row) throw notFound("version");
  return { ...row, namespace: link.artifact.namespace.name, linkId: link.id as string | null, linkExpiresAt: link.expiresAt };
}

async function resolveDownloadToken(db: Db, artifactId: string, version: number, expires: number, signature: string) {
  if (!(await isValidServerSignature(db, [DOWNLOAD_PURPOSE, artifactId, version, expires], signature)))
    throw invalidLink("this share link is not valid");
  if (expires * 1000 <= Date.now()) throw invalidLink("this share link has expired");
  const artifact = await db.artifact.findUnique({ where: { id: artifactId }, include: { namespace: { select: { name: true } } } });
  if (!artifact || !isLive(artifact)) throw notFound();
  const row = await db.artifactVersion.findUnique({ where: { artifactId_version: { artifactId, version } } });
  if (!row) throw notFound("version");
  return { ...row, namespace: artifact.namespace.name, linkId: null as string | null, linkExpiresAt: new Date(expires * 1000) };
}
