import "server-only";
import type { Db } from "../db/client.ts";
import { Prisma, type Namespace, type Grant } from "../db/generated/sqlite/client.ts";
import { queryRows } from "../db/raw-sql.ts";
import { StowageError } from "../errors.ts";
import { parseNamespaceName } from "./namespace-names.ts";
import type { TPrincipal } from "./principal.ts";

export type TPermission = "read" | "write";

export type TNamespaceWithGrants = Namespace & { grants: Grant[] };

/** What the principal may do in an existing namespace. */
export function namespacePermissions(principal: TPrincipal, ns: TNamespaceWithGrants): { read: boolean; write: boolean } {
  if (principal.isAdmin) return { read: true, write: true };
  if (ns.kind === "agent" && ns.ownerIdentityId === principal.identityId) return { read: true, write: true };
  if (ns.kind === "ring" && ns.groupId && principal.groupIds.includes(ns.groupId)) return { read: true, write: true };
  let read = false;
  let write = false;
  for (const g of ns.grants) {
    const applies = g.identityId === principal.identityId || (g.groupId !== null && principal.groupIds.includes(g.groupId));
    if (!applies) continue;
    read = true;
    if (g.permission === "write") write = true;
  }
  return { read, write };
}

export function canAccess(principal: TPrincipal, ns: TNamespaceWithGrants, permission: TPermission): boolean {
  return namespacePermissions(principal, ns)[permission];
}

const denied = (name: string) =>
  // The same answer whether the namespace exists or not, so callers learn nothing about others' namespaces.
  new StowageError("ARTIFACT_NAMESPACE_DENIED", `no access to namespace "${name}"`, { namespace: name });

/**
 * Finds the namespace and checks the principal's permission. `agent:` and `ring:` namespaces
 * are created with their identity or group, custom ones by an admin.
 */
export async function requireNamespace(
  db: Db,
  principal: TPrincipal,
  name: string,
  permission: TPermission,
): Promise<TNamespaceWithGrants> {
  parseNamespaceName(name);
  // On every namespaced request: raw SQL skips the client's per-statement cost (db/raw-sql.ts).
  const [found] = await queryRows<Namespace>(
    db,
    Prisma.sql`SELECT "id", "name", "kind", "ownerIdentityId", "groupId", "createdAt", "quotaBytes", "retentionDays", "keepVersions", "usedBytes", "reservedBytes" FROM "Namespace" WHERE "name" = ${name}`,
  );
  const existing = found && (await withGrantsIfNeeded(db, principal, found));
  if (existing && canAccess(principal, existing, permission)) return existing;
  // Admins may know what exists; everyone else gets the same answer either way.
  if (!existing && principal.isAdmin)
    throw new StowageError("ARTIFACT_NOT_FOUND", `namespace "${name}" does not exist`, { namespace: name });
  throw denied(name);
}

/**
 * The namespace with the grants that matter to the principal: none are read when it already may
 * read and write without them (admins, the owner of an agent namespace, members of a ring).
 */
export async function withGrantsIfNeeded(db: Db, principal: TPrincipal, ns: Namespace): Promise<TNamespaceWithGrants> {
  if (namespacePermissions(principal, { ...ns, grants: [] }).write) return { ...ns, grants: [] };
  const reaching = [{ identityId: principal.identityId }, ...(principal.groupIds.length ? [{ groupId: { in: principal.groupIds } }] : [])];
  return { ...ns, grants: await db.grant.findMany({ where: { namespaceId: ns.id, OR: reaching } }) };
}

/** Prisma filter for every namespace the principal can read (undefined = all, for admins). */
export const readableNamespaceFilter = (principal: TPrincipal) => namespaceFilter(principal, "read");

/** Prisma filter for every namespace the principal can write (undefined = all, for admins). */
export const writableNamespaceFilter = (principal: TPrincipal) => namespaceFilter(principal, "write");

// Mirrors canAccess: owner, ring members, grants (a write grant for writing), admins.
function namespaceFilter(principal: TPrincipal, permission: TPermission) {
  if (principal.isAdmin) return undefined;
  const viaGroups = principal.groupIds.length ? [{ groupId: { in: principal.groupIds } }] : [];
  return {
    OR: [
      { kind: "agent", ownerIdentityId: principal.identityId },
      ...(principal.groupIds.length ? [{ kind: "ring", groupId: { in: principal.groupIds } }] : []),
      {
        grants: {
          some: { ...(permission === "write" ? { permission: "write" } : {}), OR: [{ identityId: principal.identityId }, ...viaGroups] },
        },
      },
    ],
  };
}
