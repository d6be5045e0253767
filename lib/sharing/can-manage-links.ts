import "server-only";
import { canAccess } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";
import type { findArtifactOrThrow } from "../artifacts/find-artifact-or-throw.ts";

type TLoadedArtifact = Awaited<ReturnType<typeof findArtifactOrThrow>>;

/**
 * Who sees and revokes every link to an artifact (besides each link's own creator): writers of
 * its namespace (admins included) and the artifact's owner while it can still read the namespace.
 */
export function canManageLinks(principal: TPrincipal, artifact: TLoadedArtifact): boolean {
  if (canAccess(principal, artifact.namespace, "write")) return true;
  return artifact.createdById === principal.identityId && canAccess(principal, artifact.namespace, "read");
}
