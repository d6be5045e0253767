import "server-only";
import type { Db } from "../db/client.ts";
import { isUniqueViolation } from "../db/client.ts";
import { validationFailed } from "../errors.ts";
import { newId } from "../ids.ts";
import type { TPrincipal } from "../access/principal.ts";
import { findArtifactOrThrow } from "../artifacts/find-artifact-or-throw.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";
import { toShareDtos, type TShareDto } from "./share-dto.ts";

export type TShareTarget = { identity?: string; group?: string };

/**
 * Lets one identity or one group read the artifact (every version). Needs write access to the
 * artifact's namespace, like any other change to the artifact. Sharing again with the same
 * target changes nothing and returns the existing share (`created: false`).
 */
export async function shareArtifact(
  db: Db,
  principal: TPrincipal,
  artifactId: string,
  target: TShareTarget,
): Promise<{ share: TShareDto; created: boolean }> {
  if (!target.identity === !target.group)
    throw validationFailed("give exactly one of identity or group", { field: target.identity ? "group" : "identity" });
  // Access first: callers who may not change the artifact learn nothing about identities or groups.
  const artifact = await findArtifactOrThrow(db, principal, artifactId, "write");
  let identityId: string | null = null;
  let groupId: string | null = null;
  if (target.identity) {
    identityId = (await db.identity.findUnique({ where: { name: target.identity }, select: { id: true } }))?.id ?? null;
    if (!identityId) throw validationFailed(`no identity is named "${target.identity}"`, { field: "identity" });
  } else {
    groupId = (await db.group.findUnique({ where: { name: target.group! }, select: { id: true } }))?.id ?? null;
    if (!groupId) throw validationFailed(`no group is named "${target.group}"`, { field: "group" });
  }
  const where = identityId ? { artifactId, identityId } : { artifactId, groupId };

  const existing = await db.artifactShare.findFirst({ where });
  if (existing) return { share: (await toShareDtos(db, [existing]))[0]!, created: false };
  let row;
  try {
    row = await db.artifactShare.create({ data: { id: newId(), artifactId, identityId, groupId, createdById: principal.identityId } });
  } catch (error) {
    // Shared by someone else at the same moment: theirs is the share.
    if (!isUniqueViolation(error)) throw error;
    return { share: (await toShareDtos(db, [await db.artifactShare.findFirstOrThrow({ where })]))[0]!, created: false };
  }
  await recordAuditEvent(db, {
    actor: principal,
    action: "share.create",
    namespace: artifact.namespace.name,
    artifactId,
    details: { shareId: row.id, ...(target.identity ? { identity: target.identity } : { group: target.group }) },
  });
  return { share: (await toShareDtos(db, [row]))[0]!, created: true };
}
