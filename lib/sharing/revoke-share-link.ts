import "server-only";
import type { Db } from "../db/client.ts";
import { StowageError, notFound } from "../errors.ts";
import type { TPrincipal } from "../access/principal.ts";
import { findArtifactOrThrow } from "../artifacts/find-artifact-or-throw.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";
import { canManageLinks } from "./can-manage-links.ts";

/**
 * Revokes a share link: it stops working with its next request. The link's creator, writers of
 * the artifact's namespace, the artifact's owner and admins may; revoking again is a no-op.
 */
export async function revokeShareLink(db: Db, principal: TPrincipal, linkId: string): Promise<void> {
  const link = await db.shareLink.findUnique({ where: { id: linkId } });
  if (!link) throw notFound("share link");
  // Links to artifacts the caller cannot read do not exist for the caller.
  const artifact = await findArtifactOrThrow(db, principal, link.artifactId);
  if (link.createdById !== principal.identityId && !canManageLinks(principal, artifact)) {
    throw new StowageError(
      "ARTIFACT_NAMESPACE_DENIED",
      "only the link's creator, the artifact's owner, writers of its namespace or an admin may revoke it",
      {
        namespace: artifact.namespace.name,
      },
    );
  }
  const { count } = await db.shareLink.updateMany({
    where: { id: linkId, revokedAt: null },
    data: { revokedAt: new Date(), revokedById: principal.identityId },
  });
  if (!count) return;
  await recordAuditEvent(db, {
    actor: principal,
    action: "share_link.revoke",
    namespace: artifact.namespace.name,
    artifactId: link.artifactId,
    version: link.version,
    details: { linkId },
  });
}
