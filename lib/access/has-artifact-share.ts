import "server-only";
import type { Db } from "../db/client.ts";
import type { TPrincipal } from "./principal.ts";

/** Prisma filter for the shares that reach the principal: to the identity or to one of its groups. */
export function sharesReaching(principal: TPrincipal) {
  return principal.groupIds.length
    ? { OR: [{ identityId: principal.identityId }, { groupId: { in: principal.groupIds } }] }
    : { identityId: principal.identityId };
}

/** Whether the artifact was shared with the principal, directly or through a group. */
export async function hasArtifactShare(db: Db, principal: TPrincipal, artifactId: string): Promise<boolean> {
  const share = await db.artifactShare.findFirst({ where: { artifactId, ...sharesReaching(principal) }, select: { id: true } });
  return share !== null;
}
