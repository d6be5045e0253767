import "server-only";
import type { Db } from "../db/client.ts";

/**
 * Names for identity and group ids in two queries. Shares and links keep bare ids (no relation
 * to Identity or Group), so a missing entry means the identity or group no longer exists.
 */
export async function lookupNames(db: Db, ids: { identityIds?: (string | null)[]; groupIds?: (string | null)[] }) {
  const identityIds = [...new Set((ids.identityIds ?? []).filter((id): id is string => !!id))];
  const groupIds = [...new Set((ids.groupIds ?? []).filter((id): id is string => !!id))];
  const [identities, groups] = await Promise.all([
    identityIds.length ? db.identity.findMany({ where: { id: { in: identityIds } }, select: { id: true, name: true } }) : [],
    groupIds.length ? db.group.findMany({ where: { id: { in: groupIds } }, select: { id: true, name: true } }) : [],
  ]);
  const identityNames = new Map(identities.map((i) => [i.id, i.name]));
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  return {
    identity: (id: string | null) => (id ? (identityNames.get(id) ?? null) : null),
    group: (id: string | null) => (id ? (groupNames.get(id) ?? null) : null),
  };
}
