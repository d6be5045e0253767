import "server-only";
import type { Db } from "../db/client.ts";
import type { TPrincipal } from "./principal.ts";

/** Prisma filter for every namespace the principal can write (undefined = all, for admins); mirrors namespacePermissions. */
export function writableNamespaceFilter(principal: TPrincipal) {
  if (principal.isAdmin) return undefined;
  const viaGroups = principal.groupIds.length ? [{ groupId: { in: principal.groupIds } }] : [];
  return {
    OR: [
      { kind: "agent", ownerIdentityId: principal.identityId },
      ...(principal.groupIds.length ? [{ kind: "ring", groupId: { in: principal.groupIds } }] : []),
      { grants: { some: { permission: "write", OR: [{ identityId: principal.identityId }, ...viaGroups] } } },
    ],
  };
}

/** Names of the namespaces the principal may upload to (all, for admins), by name. */
export async function listWritableNamespaces(db: Db, principal: TPrincipal): Promise<string[]> {
  const rows = await db.namespace.findMany({ where: writableNamespaceFilter(principal), orderBy: { name: "asc" }, select: { name: true } });
  return rows.map((r) => r.name);
}
