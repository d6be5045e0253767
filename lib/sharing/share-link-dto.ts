import "server-only";
import type { Db } from "../db/client.ts";
import type { ShareLink } from "../db/generated/sqlite/client.ts";
import { lookupNames } from "./lookup-names.ts";

/** Share links as the API lists them: never the token (only its id, which is useless without the signature). */
export async function toShareLinkDtos(db: Db, rows: ShareLink[], now = new Date()) {
  const names = await lookupNames(db, { identityIds: rows.flatMap((l) => [l.createdById, l.revokedById]) });
  return rows.map((l) => ({
    id: l.id,
    artifactId: l.artifactId,
    version: l.version,
    status: l.revokedAt ? ("revoked" as const) : l.expiresAt <= now ? ("expired" as const) : ("active" as const),
    expiresAt: l.expiresAt.toISOString(),
    createdBy: names.identity(l.createdById),
    createdAt: l.createdAt.toISOString(),
    revokedAt: l.revokedAt?.toISOString() ?? null,
    revokedBy: names.identity(l.revokedById),
  }));
}
