import "server-only";
import type { Db } from "../db/client.ts";
import { isUniqueViolation } from "../db/client.ts";
import { notFound, validationFailed } from "../errors.ts";
import { newId } from "../ids.ts";
import { readableNamespaceFilter } from "../access/namespace-access.ts";
import { parseNamespaceName } from "../access/namespace-names.ts";
import type { TPrincipal } from "../access/principal.ts";
import { requireAdmin } from "../access/require-admin.ts";
import { findGroupByName } from "./groups.ts";
import { findIdentityByName } from "./identities.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";

/** Custom namespaces (`team:ml`, `app:reports`, …); personal and ring ones come with their identity or group. */
export async function createCustomNamespace(db: Db, principal: TPrincipal, name: string) {
  requireAdmin(principal);
  const parsed = parseNamespaceName(name);
  if (parsed.kind !== "custom") {
    throw validationFailed('"agent:" and "ring:" namespaces belong to identities and groups; pick another prefix such as "team:"', {
      field: "name",
    });
  }
  let ns;
  try {
    ns = await db.namespace.create({ data: { id: newId(), name, kind: "custom" } });
  } catch (error) {
    if (isUniqueViolation(error)) throw validationFailed(`namespace "${name}" already exists`, { field: "name" });
    throw error;
  }
  await recordAuditEvent(db, { actor: principal, action: "namespace.create", namespace: ns.name });
  return { id: ns.id, name: ns.name, kind: ns.kind, createdAt: ns.createdAt.toISOString() };
}

/** The namespaces the principal can read (all, for admins). */
export async function listNamespaces(db: Db, principal: TPrincipal) {
  const rows = await db.namespace.findMany({ where: readableNamespaceFilter(principal), orderBy: { name: "asc" } });
  return rows.map((ns) => ({ id: ns.id, name: ns.name, kind: ns.kind, createdAt: ns.createdAt.toISOString() }));
}

export type TGrantInput = { identity?: string; group?: string; permission: "read" | "write" };

async function findNamespaceByName(db: Db, name: string) {
  const ns = await db.namespace.findUnique({ where: { name } });
  if (!ns) throw notFound("namespace");
  return ns;
}

/** Grants (or changes) read or write access for one identity or one group. */
export async function grantAccess(db: Db, principal: TPrincipal, namespace: string, input: TGrantInput) {
  requireAdmin(principal);
  if (!input.identity === !input.group) throw validationFailed("give exactly one of identity or group", { field: "identity" });
  const ns = await findNamespaceByName(db, namespace);
  const identityId = input.identity ? (await findIdentityByName(db, input.identity)).id : null;
  const groupId = input.group ? (await findGroupByName(db, input.group)).id : null;
  const where = identityId ? { namespaceId: ns.id, identityId } : { namespaceId: ns.id, groupId };
  try {
    const existing = await db.grant.findFirst({ where });
    const grant = existing
      ? await db.grant.update({ where: { id: existing.id }, data: { permission: input.permission } })
      : await db.grant.create({ data: { id: newId(), namespaceId: ns.id, identityId, groupId, permission: input.permission } });
    await recordAuditEvent(db, {
      actor: principal,
      action: "grant.set",
      namespace,
      details: { identity: input.identity ?? null, group: input.group ?? null, permission: grant.permission },
    });
    return { id: grant.id, namespace, identity: input.identity ?? null, group: input.group ?? null, permission: grant.permission };
  } catch (error) {
    if (isUniqueViolation(error)) return grantAccess(db, principal, namespace, input);
    throw error;
  }
}

export async function listGrants(db: Db, principal: TPrincipal, namespace: string) {
  requireAdmin(principal);
  const ns = await findNamespaceByName(db, namespace);
  const grants = await db.grant.findMany({
    where: { namespaceId: ns.id },
    include: { identity: { select: { name: true } }, group: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  return grants.map((g) => ({
    id: g.id,
    namespace,
    identity: g.identity?.name ?? null,
    group: g.group?.name ?? null,
    permission: g.permission,
  }));
}

export async function revokeGrant(db: Db, principal: TPrincipal, namespace: string, grantId: string) {
  requireAdmin(principal);
  const ns = await findNamespaceByName(db, namespace);
  const { count } = await db.grant.deleteMany({ where: { id: grantId, namespaceId: ns.id } });
  if (!count) throw notFound("grant");
  await recordAuditEvent(db, { actor: principal, action: "grant.revoke", namespace, details: { grantId } });
}
