import "server-only";
import type { Db } from "../db/client.ts";
import { StowageError, notFound } from "../errors.ts";
import { canAccess, type TPermission } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";
import { ARTIFACT_INCLUDE } from "./serialize.ts";

/** Expired artifacts are gone for every reader at once, before any sweep removes them. */
export function isLive(a: { expiresAt: Date | null; latestVersion: number | null }, now = new Date()): boolean {
  return a.latestVersion !== null && (a.expiresAt === null || a.expiresAt > now);
}

/**
 * Loads an artifact the principal may read, or answers 404: one the principal cannot see is
 * indistinguishable from one that does not exist. With "write" or "delete", a visible artifact
 * the principal may not change is 403.
 */
export async function findArtifactOrThrow(db: Db, principal: TPrincipal, id: string, need: TPermission | "delete" = "read") {
  const artifact = await db.artifact.findUnique({
    where: { id },
    include: { ...ARTIFACT_INCLUDE, namespace: { include: { grants: true } } },
  });
  if (!artifact || !isLive(artifact) || !canAccess(principal, artifact.namespace, "read")) throw notFound();
  const denied = (why: string) => new StowageError("ARTIFACT_NAMESPACE_DENIED", why, { namespace: artifact.namespace.name });
  if (need === "write" && !canAccess(principal, artifact.namespace, "write")) throw denied("you may read this artifact but not change it");
  if (need === "delete" && !canDelete(principal, artifact)) throw denied("only the artifact's owner or an admin may delete it");
  return artifact;
}

function canDelete(principal: TPrincipal, a: { createdById: string; namespace: { kind: string; ownerIdentityId: string | null } }): boolean {
  if (principal.isAdmin || a.createdById === principal.identityId) return true;
  // A personal namespace's owner owns everything in it.
  return a.namespace.kind === "agent" && a.namespace.ownerIdentityId === principal.identityId;
}
