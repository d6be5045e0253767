import "server-only";
import type { Db } from "../db/client.ts";
import { isUniqueViolation } from "../db/client.ts";
import { notFound, validationFailed } from "../errors.ts";
import { newId } from "../ids.ts";
import { assertSlug } from "../access/namespace-names.ts";
import type { TPrincipal } from "../access/principal.ts";
import { requireAdmin } from "../access/require-admin.ts";
import { findIdentityByName } from "./identities.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";

export async function createGroup(db: Db, principal: TPrincipal, name: string) {
  requireAdmin(principal);
  assertSlug(name, "name");
  try {
    // The ring namespace comes with the group, in the same statement.
    const g = await db.group.create({
      data: { id: newId(), name, namespaces: { create: { id: newId(), name: `ring:${name}`, kind: "ring" } } },
    });
    await recordAuditEvent(db, { actor: principal, action: "group.create", namespace: `ring:${name}`, details: { group: name } });
    return { id: g.id, name: g.name, namespace: `ring:${g.name}`, members: [] as string[], createdAt: g.createdAt.toISOString() };
  } catch (error) {
    if (isUniqueViolation(error)) throw validationFailed(`a group named "${name}" already exists`, { field: "name" });
    throw error;
  }
}

export async function listGroups(db: Db, principal: TPrincipal) {
  requireAdmin(principal);
  const groups = await db.group.findMany({
    orderBy: { name: "asc" },
    include: { members: { include: { identity: { select: { name: true } } } } },
  });
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    namespace: `ring:${g.name}`,
    members: g.members.map((m) => m.identity.name).sort(),
    createdAt: g.createdAt.toISOString(),
  }));
}

export async function findGroupByName(db: Db, name: string) {
  const group = await db.group.findUnique({ where: { name } });
  if (!group) throw notFound("group");
  return group;
}

export async function addGroupMember(db: Db, principal: TPrincipal, groupName: string, identityName: string) {
  requireAdmin(principal);
  const group = await findGroupByName(db, groupName);
  const identity = await findIdentityByName(db, identityName);
  await db.groupMember.upsert({
    where: { groupId_identityId: { groupId: group.id, identityId: identity.id } },
    create: { groupId: group.id, identityId: identity.id },
    update: {},
  });
  await recordAuditEvent(db, {
    actor: principal,
    action: "group.member_add",
    namespace: `ring:${group.name}`,
    details: { group: group.name, identity: identity.name },
  });
}

export async function removeGroupMember(db: Db, principal: TPrincipal, groupName: string, identityName: string) {
  requireAdmin(principal);
  const group = await findGroupByName(db, groupName);
  const identity = await findIdentityByName(db, identityName);
  const { count } = await db.groupMember.deleteMany({ where: { groupId: group.id, identityId: identity.id } });
  if (!count) throw notFound("membership");
  await recordAuditEvent(db, {
    actor: principal,
    action: "group.member_remove",
    namespace: `ring:${group.name}`,
    details: { group: group.name, identity: identity.name },
  });
}
