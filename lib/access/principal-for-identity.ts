import "server-only";
import type { Db } from "../db/client.ts";
import type { TPrincipal } from "./principal.ts";

/** The principal of an enabled identity, or null when it is unknown or disabled. */
export async function principalForIdentity(db: Db, identityId: string): Promise<TPrincipal | null> {
  const identity = await db.identity.findUnique({
    where: { id: identityId },
    include: { memberships: { select: { groupId: true } } },
  });
  if (!identity || identity.disabledAt) return null;
  return toPrincipal(identity);
}

export const toPrincipal = (identity: { id: string; name: string; isAdmin: boolean; memberships: { groupId: string }[] }): TPrincipal => ({
  identityId: identity.id,
  name: identity.name,
  isAdmin: identity.isAdmin,
  groupIds: identity.memberships.map((m) => m.groupId),
});
