import "server-only";
import type { Db } from "../db/client.ts";
import { notFound } from "../errors.ts";
import type { TPrincipal } from "../access/principal.ts";
import { findArtifactOrThrow } from "../artifacts/find-artifact-or-throw.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";
import { lookupNames } from "./lookup-names.ts";

/** Removes a share (write access to the artifact's namespace); its recipients lose access at once. */
export async function unshareArtifact(db: Db, principal: TPrincipal, artifactId: string, shareId: string): Promise<void> {
  const artifact = await findArtifactOrThrow(db, principal, artifactId, "write");
  const share = await db.artifactShare.findFirst({ where: { id: shareId, artifactId } });
  if (!share) throw notFound("share");
  const { count } = await db.artifactShare.deleteMany({ where: { id: shareId, artifactId } });
  // Removed by someone else meanwhile: the outcome is the same, and the event is theirs.
  if (!count) return;
  const names = await lookupNames(db, { identityIds: [share.identityId], groupIds: [share.groupId] });
  await recordAuditEvent(db, {
    actor: principal,
    action: "share.delete",
    namespace: artifact.namespace.name,
    artifactId,
    details: { shareId, ...(share.identityId ? { identity: names.identity(share.identityId) } : { group: names.group(share.groupId) }) },
  });
}
