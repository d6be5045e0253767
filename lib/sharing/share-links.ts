import "server-only";
import type { Db } from "../db/client.ts";
import { isValidServerSignature, serverSignature } from "../access/server-signature.ts";
import { StowageError, notFound, validationFailed } from "../errors.ts";
import type { TPrincipal } from "../access/principal.ts";
import { findArtifactOrThrow, isLive } from "../artifacts/find-artifact-or-throw.ts";
import { presignVersion } from "../delivery/presign-version.ts";

export const SHARE_MIN_SECONDS = 60;
export const SHARE_DEFAULT_SECONDS = 3600;
/** The longest a SigV4 presigned URL can live. */
export const PRESIGN_MAX_SECONDS = 604800;
const SHARE_PURPOSE = "stowage-share-v1";

/** A link bound to one version that works without credentials until it expires. */
export async function createShareLink(
  db: Db,
  principal: TPrincipal,
  artifactId: string,
  options: { expiresIn?: number; version?: number; maxSeconds: number; baseUrl: string },
) {
  const expiresIn = options.expiresIn ?? Math.min(SHARE_DEFAULT_SECONDS, options.maxSeconds);
  if (!Number.isInteger(expiresIn) || expiresIn < SHARE_MIN_SECONDS || expiresIn > options.maxSeconds) {
    throw validationFailed(`expiresIn must be an integer from ${SHARE_MIN_SECONDS} to ${options.maxSeconds} seconds`, { field: "expiresIn" });
  }
  const artifact = await findArtifactOrThrow(db, principal, artifactId);
  const version = options.version ?? artifact.latestVersion!;
  const row = await db.artifactVersion.findUnique({ where: { artifactId_version: { artifactId, version } } });
  if (!row) throw notFound("version");
  const link = await signShareUrl(db, artifactId, version, expiresIn, options.baseUrl);
  // Bytes in S3 also get a URL S3 answers itself: no hop through Stowage, but it cannot be
  // revoked and lives at most 7 days (SigV4), so the Stowage link stays the primary one.
  const direct = await presignVersion(row, { expiresInSeconds: Math.min(expiresIn, PRESIGN_MAX_SECONDS) });
  return { ...link, version, ...(direct ? { directUrl: direct.url, directUrlExpiresAt: direct.expiresAt } : {}) };
}

/** A URL to one version that works without credentials until it expires (share links, download URLs). */
export async function signShareUrl(db: Db, artifactId: string, version: number, expiresIn: number, baseUrl: string) {
  const expires = Math.floor(Date.now() / 1000) + expiresIn;
  const token = `${artifactId}.${version}.${expires}.${await serverSignature(db, [SHARE_PURPOSE, artifactId, version, expires])}`;
  return { url: `${baseUrl.replace(/\/$/, "")}/api/v1/share/${token}`, expiresAt: new Date(expires * 1000).toISOString() };
}

const invalidLink = (why: string) => new StowageError("ARTIFACT_SHARE_LINK_INVALID", why);

/** Checks a share token and finds the version it grants, or throws 403 (bad or expired) / 404 (gone). */
export async function resolveShareToken(db: Db, token: string) {
  const m = /^([a-z0-9]{26})\.(\d{1,10})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) throw invalidLink("this share link is not valid");
  const [, artifactId, versionText, expiresText, signature] = m as unknown as [string, string, string, string, string];
  const version = Number(versionText);
  const expires = Number(expiresText);
  if (!(await isValidServerSignature(db, [SHARE_PURPOSE, artifactId, version, expires], signature))) throw invalidLink("this share link is not valid");
  if (expires * 1000 <= Date.now()) throw invalidLink("this share link has expired");
  const artifact = await db.artifact.findUnique({ where: { id: artifactId } });
  if (!artifact || !isLive(artifact)) throw notFound();
  const row = await db.artifactVersion.findUnique({ where: { artifactId_version: { artifactId, version } } });
  if (!row) throw notFound("version");
  return { ...row, linkExpiresAt: new Date(expires * 1000) };
}
