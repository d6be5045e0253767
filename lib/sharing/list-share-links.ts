import "server-only";
import type { Db } from "../db/client.ts";
import type { TPrincipal } from "../access/principal.ts";
import { findArtifactOrThrow } from "../artifacts/find-artifact-or-throw.ts";
import { decodeCursor, paginate } from "../pagination.ts";
import { canManageLinks } from "./can-manage-links.ts";
import { toShareLinkDtos } from "./share-link-dto.ts";

/**
 * The artifact's share links, newest first, revoked and expired ones included. Those who may
 * manage the artifact's links see all of them; other readers see the links they made.
 */
export async function listShareLinks(db: Db, principal: TPrincipal, artifactId: string, options: { limit: number; cursor?: string }) {
  const artifact = await findArtifactOrThrow(db, principal, artifactId);
  const before = decodeCursor(options.cursor, "string");
  const rows = await db.shareLink.findMany({
    where: {
      artifactId,
      ...(canManageLinks(principal, artifact) ? {} : { createdById: principal.identityId }),
      ...(before !== undefined ? { id: { lt: before } } : {}),
    },
    orderBy: { id: "desc" },
    take: options.limit + 1,
  });
  const { page, nextCursor } = paginate(rows, options.limit, (l) => l.id);
  return { links: await toShareLinkDtos(db, page), nextCursor };
}
