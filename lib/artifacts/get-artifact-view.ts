import "server-only";
import type { Db } from "../db/client.ts";
import { notFound } from "../errors.ts";
import { canAccess } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";
import { decodeCursor, paginate } from "../pagination.ts";
import { canManageLinks } from "../sharing/can-manage-links.ts";
import { aliasesOf } from "../aliases/list-aliases.ts";
import type { TVersionRef } from "../aliases/version-ref.ts";
import { canDelete, findArtifactOrThrow } from "./find-artifact-or-throw.ts";
import { selectArtifact } from "./select-artifact.ts";
import { VERSION_INCLUDE, toArtifactDto, toVersionDto, type TVersionRow } from "./serialize.ts";

export type TArtifactPermissions = {
  /** Change tags and expiry, set and remove aliases (write access to the namespace). */
  canWrite: boolean;
  /** Delete the artifact or its versions. */
  canDelete: boolean;
  /** See and revoke every share link, not only one's own. */
  canManageLinks: boolean;
};

/** A version as the API shows it, plus the run's row id that the dashboard's run page is addressed by. */
const withRunKey = (row: TVersionRow) => ({ ...toVersionDto(row), runKey: row.runId });

export type TArtifactViewVersion = ReturnType<typeof withRunKey>;

/** The version an alias points to, in the shape the history's rows have; null when there is no such alias. */
async function aliasedVersion(db: Db, id: string, alias: string) {
  return (await selectArtifact(db, id, { alias }))?.version ?? null;
}

/**
 * The dashboard's artifact page: the artifact, one selected version (the latest by default, or
 * the one `{ alias }` points to), one page of its history (newest first), its aliases, and what
 * the principal may do with it, so the page offers only actions the API would allow (the API
 * checks again on every call). Not-found like any read, an unknown alias too.
 */
export async function getArtifactView(
  db: Db,
  principal: TPrincipal,
  id: string,
  options: { version?: TVersionRef; limit: number; cursor?: string },
) {
  const artifact = await findArtifactOrThrow(db, principal, id);
  const below = decodeCursor(options.cursor, "number");
  const choice = options.version;
  const [selected, rows, versionCount, aliases] = await Promise.all([
    typeof choice === "object"
      ? aliasedVersion(db, id, choice.alias)
      : db.artifactVersion.findUnique({
          where: { artifactId_version: { artifactId: id, version: choice ?? artifact.latestVersion! } },
          include: VERSION_INCLUDE,
        }),
    db.artifactVersion.findMany({
      where: { artifactId: id, ...(below !== undefined ? { version: { lt: below } } : {}) },
      orderBy: { version: "desc" },
      take: options.limit + 1,
      include: VERSION_INCLUDE,
    }),
    db.artifactVersion.count({ where: { artifactId: id } }),
    aliasesOf(db, id),
  ]);
  if (!selected) throw notFound(typeof choice === "object" ? `alias ${choice.alias}` : "version");
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
    /** By name; a version's own are those with its number. */
    aliases,
    permissions,
  };
}
