import "server-only";
import type { Db } from "../db/client.ts";
import { requireNamespace } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";

/**
 * Who has been granted access to a namespace, for anyone who can read it: members see who
 * else shares it (read-only; admins change grants with grantAccess / revokeGrant).
 */
export async function listNamespaceGrants(db: Db, principal: TPrincipal, namespace: string) {
  const ns = await requireNamespace(db, principal, namespace, "read");
  const grants = await db.grant.findMany({
    where: { namespaceId: ns.id },
    include: { identity: { select: { name: true } }, group: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return grants.map((g) => ({
    id: g.id,
    identity: g.identity?.name ?? null,
    group: g.group?.name ?? null,
    permission: g.permission as "read" | "write",
  }));
}
