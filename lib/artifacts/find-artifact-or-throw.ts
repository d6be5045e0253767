import "server-only";
import type { Db } from "../db/client.ts";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { queryRows, type TSqlRunner } from "../db/raw-sql.ts";
import { StowageError, notFound } from "../errors.ts";
import { canAccess, withGrantsIfNeeded, type TNamespaceWithGrants, type TPermission } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";
import { hasArtifactShare } from "../access/has-artifact-share.ts";
import type { TVersionRef } from "../aliases/version-ref.ts";
import { selectArtifact, type TArtifactCore } from "./select-artifact.ts";

/**
 * Expired artifacts are gone for every reader at once, before any sweep removes them. An
 * artifact expires at the earlier of its own expiresAt and its namespace's retention (retainUntil),
 * unless a protected alias holds it.
 */
export function isLive(
  a: { expiresAt: Date | null; retainUntil: Date | null; latestVersion: number | null; protectedAliases: number },
  now = new Date(),
): boolean {
  if (a.latestVersion === null) return false;
  return a.protectedAliases > 0 || ((a.expiresAt === null || a.expiresAt > now) && (a.retainUntil === null || a.retainUntil > now));
}

/** isLive as a query filter, for listings and counts. */
export function liveArtifactWhere(now = new Date()): Prisma.ArtifactWhereInput {
  return {
    latestVersion: { not: null },
    OR: [
      { protectedAliases: { gt: 0 } },
      {
        AND: [{ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }, { OR: [{ retainUntil: null }, { retainUntil: { gt: now } }] }],
      },
    ],
  };
}

/** isLive as SQL, for artifacts aliased `alias` ("a") in raw statements. */
export function liveArtifactSql(alias: string, now = new Date()): Prisma.Sql {
  const c = (column: string) => Prisma.raw(`${alias}."${column}"`);
  return Prisma.sql`${c("latestVersion")} IS NOT NULL AND (${c("protectedAliases")} > 0
    OR ((${c("expiresAt")} IS NULL OR ${c("expiresAt")} > ${now}) AND (${c("retainUntil")} IS NULL OR ${c("retainUntil")} > ${now})))`;
}

/**
 * Loads an artifact the principal may read, or answers 404: one the principal cannot see is
 * indistinguishable from one that does not exist. With "write" or "delete", a visible artifact
 * the principal may not change is 403.
 */
export async function findArtifactOrThrow(db: Db, principal: TPrincipal, id: string, need: TPermission | "delete" = "read") {
  const artifact = await authorizeArtifact(db, principal, (await selectArtifact(db, id))?.artifact, need);
  return { ...artifact, tags: await tagsOf(db, id) };
}

/** An artifact's tags in the order every serializer shows them. */
export const tagsOf = (db: TSqlRunner, artifactId: string) =>
  queryRows<{ tag: string }>(db, Prisma.sql`SELECT "tag" FROM "ArtifactTag" WHERE "artifactId" = ${artifactId} ORDER BY "tag" ASC`);

/** One version (the latest when `version` is undefined) of an artifact the principal may read, or 404. */
export async function findVersionOrThrow(db: Db, principal: TPrincipal, id: string, version?: TVersionRef) {
  const found = await selectArtifact(db, id, version ?? "latest");
  const artifact = await authorizeArtifact(db, principal, found?.artifact, "read");
  if (!found?.version) throw notFound(typeof version === "object" ? `alias ${version.alias}` : "version");
  return { artifact, row: found.version };
}

/** findArtifactOrThrow's checks on an artifact already loaded (undefined: there is none). */
export async function authorizeArtifact(
  db: Db,
  principal: TPrincipal,
  found: TArtifactCore | undefined,
  need: TPermission | "delete",
): Promise<TArtifactCore & { namespace: TNamespaceWithGrants }> {
  if (!found || !isLive(found)) throw notFound();
  const artifact = { ...found, namespace: await withGrantsIfNeeded(db, principal, found.namespace) };
  // A share lets its recipients read this one artifact, never change or delete it.
  const sharedOnly = !canAccess(principal, artifact.namespace, "read");
  if (sharedOnly && !(await hasArtifactShare(db, principal, artifact.id))) throw notFound();
  const denied = (why: string) => new StowageError("ARTIFACT_NAMESPACE_DENIED", why, { namespace: artifact.namespace.name });
  if (sharedOnly && need !== "read") throw denied("this artifact was shared with you for reading only");
  if (need === "write" && !canAccess(principal, artifact.namespace, "write")) throw denied("you may read this artifact but not change it");
  if (need === "delete" && !canDelete(principal, artifact)) throw denied("only the artifact's owner or an admin may delete it");
  return artifact;
}

/** The artifact's owner, the owner of the personal namespace it is in, and admins. */
export function canDelete(
  principal: TPrincipal,
  a: { createdById: string; namespace: { kind: string; ownerIdentityId: string | null } },
): boolean {
  if (principal.isAdmin || a.createdById === principal.identityId) return true;
  // A personal namespace's owner owns everything in it.
  return a.namespace.kind === "agent" && a.namespace.ownerIdentityId === principal.identityId;
}
