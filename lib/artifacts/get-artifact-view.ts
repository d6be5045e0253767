import "server-only";
import type { Db } from "../db/client.ts";
import { notFound } from "../errors.ts";
import { canAccess } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";
import { decodeCursor, paginate } from "../pagination.ts";
import { canManageLinks } from "../sharing/can-manage-links.ts";
import { canDelete, findArtifactOrThrow } from "./find-artifact-or-throw.ts";
import { VERSION_INCLUDE, toArtifactDto, toVersionDto, type TVersionRow } from "./serialize.ts";

export type TArtifactPermissions = {
  /** Change tags and expiry (write access to the namespace). */
  canWrite: boolean;
  /** Delete the artifact or its versions. */
  canDelete: boolean;
  /** See and revoke every share link, not only one's own. */
  canManageLinks: boolean;
};

/** A version as the API shows it, plus the run's row id that the dashboard's run page is addressed by. */
const withRunKey = (row: TVersionRow) => ({ ...toVersionDto(row), runKey: row.runId });

export type TArtifactViewVersion = ReturnType<typeof withRunKey>;

/**
 * The dashboard's artifact page: the artifact, one selected version (the latest by default), one
 * page of its history (newest first), and what the principal may do with it, so the page offers
 * only actions the API would allow (the API checks again on every call). Not-found like any read.
 */
export async function getArtifactView(
  db: Db,
  principal: TPrincipal,
  id: string,
  options: { version?: number; limit: number; cursor?: string },
) {
  const artifact = await findArtifactOrThrow(db, principal, id);
  const below = decodeCursor(options.cursor, "number");
  const [selected, rows, versionCount] = await Promise.all([
    db.artifactVersion.findUnique({
      where: { artifactId_version: { artifactId: id, version: options.version ?? artifact.latestVersion! } },
      include: VERSION_INCLUDE,
    }),
    db.artifactVersion.findMany({
      where: { artifactId: id, ...(below !== undefined ? { version: { lt: below } } : {}) },
      orderBy: { version: "desc" },
      take: options.limit + 1,
      include: VERSION_INCLUDE,
    }),
    db.artifactVersion.count({ where: { artifactId: id } }),
  ]);
  if (!selected) throw notFound("version");
  const { page, nextCursor } = paginate(rows, options.limit, (v) => v.version);
  const permissions: TArtifactPermissions = {
    canWrite: canAccess(principal, artifact.namespace, "write"),
    // Share recipients only read, whoever created the artifact.
    canDelete: canAccess(principal, artifact.namespace, "read") && canDelete(principal, artifact),
    canManageLinks: canManageLinks(principal, artifact),
  };
  return {
    artifact: { ...toArtifactDto(artifact), sessionKey: artifact.sessionId },
    selected: withRunKey(selected),
    versions: page.map(withRunKey),
    nextCursor,
    versionCount,
    permissions,
  };
}
