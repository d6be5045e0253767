import "server-only";
import type { Db } from "../db/client.ts";
import type { Namespace, Grant } from "../db/generated/sqlite/client.ts";
import { StowageError } from "../errors.ts";
import { newId } from "../ids.ts";
import { isUniqueViolation } from "../db/client.ts";
import { parseNamespaceName } from "./namespace-names.ts";
import type { TPrincipal } from "./principal.ts";

export type TPermission = "read" | "write";

type TNamespaceWithGrants = Namespace & { grants: Grant[] };

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
 * Finds the namespace and checks the principal's permission. Personal (`agent:<self>`) and ring
 * namespaces are created on first use; custom ones must be created by an admin.
 */
export async function requireNamespace(db: Db, principal: TPrincipal, name: string, permission: TPermission): Promise<TNamespaceWithGrants> {
  const parsed = parseNamespaceName(name);
  const existing = await db.namespace.findUnique({ where: { name }, include: { grants: true } });
  if (existing) {
    if (!canAccess(principal, existing, permission)) throw denied(name);
    return existing;
  }
  if (parsed.kind === "agent") {
    const owner = await db.identity.findUnique({ where: { name: parsed.slug } });
    if (owner && (owner.id === principal.identityId || principal.isAdmin)) {
      return createNamespace(db, { name, kind: "agent", ownerIdentityId: owner.id });
    }
  } else if (parsed.kind === "ring") {
    const group = await db.group.findUnique({ where: { name: parsed.slug } });
    if (group && (principal.groupIds.includes(group.id) || principal.isAdmin)) {
      return createNamespace(db, { name, kind: "ring", groupId: group.id });
    }
  }
  // Admins may know what exists; everyone else gets the same answer either way.
  if (principal.isAdmin) {
    const hint = parsed.kind === "custom" ? "create it first" : `no ${parsed.kind === "agent" ? "identity" : "group"} is named "${parsed.slug}"`;
    throw new StowageError("ARTIFACT_NOT_FOUND", `namespace "${name}" does not exist; ${hint}`, { namespace: name });
  }
  throw denied(name);
}

export async function createNamespace(
  db: Db,
  data: { name: string; kind: "agent" | "ring" | "custom"; ownerIdentityId?: string; groupId?: string },
): Promise<TNamespaceWithGrants> {
  try {
    return await db.namespace.create({ data: { id: newId(), ...data }, include: { grants: true } });
  } catch (error) {
    // Two first uploads at once: the other one created it.
    if (!isUniqueViolation(error)) throw error;
    return db.namespace.findUniqueOrThrow({ where: { name: data.name }, include: { grants: true } });
  }
}


/** Prisma filter for every namespace the principal can read (undefined = all, for admins). */
export function readableNamespaceFilter(principal: TPrincipal) {
  if (principal.isAdmin) return undefined;
  const viaGroups = principal.groupIds.length ? [{ groupId: { in: principal.groupIds } }] : [];
  return {
    OR: [
      { kind: "agent", ownerIdentityId: principal.identityId },
      ...(principal.groupIds.length ? [{ kind: "ring", groupId: { in: principal.groupIds } }] : []),
      { grants: { some: { OR: [{ identityId: principal.identityId }, ...viaGroups] } } },
    ],
  };
}
