import "server-only";
import type { Db } from "../db/client.ts";
import { sharesReaching } from "../access/has-artifact-share.ts";
import type { TPrincipal } from "../access/principal.ts";
import { liveArtifactWhere } from "../artifacts/find-artifact-or-throw.ts";
import { ARTIFACT_INCLUDE, VERSION_INCLUDE, toArtifactDto, type TArtifactRow } from "../artifacts/serialize.ts";
import { decodeCursor, paginate } from "../pagination.ts";
import { toShareDtos } from "./share-dto.ts";

/** Share rows examined per round. */
const SHARE_BATCH = 500;

/**
 * Live artifacts (expired ones are gone at once, as everywhere) shared with the principal, directly or through a group, newest first, each
 * with its latest version and the shares that reach the principal. Driven by the share indexes
 * (identityId / groupId, artifactId), so the cost follows the caller's shares, not the table.
 */
export async function listSharedWithMe(db: Db, principal: TPrincipal, options: { limit: number; cursor?: string }) {
  const afterId = decodeCursor(options.cursor, "string");
  const reaching = sharesReaching(principal);
  const now = new Date();
  const rows: TArtifactRow[] = [];
  for (let below = afterId; ;) {
    const shares = await db.artifactShare.findMany({
      where: { AND: [reaching, ...(below ? [{ artifactId: { lt: below } }] : [])] },
      orderBy: { artifactId: "desc" },
      take: SHARE_BATCH,
      select: { artifactId: true },
    });
    const ids = [...new Set(shares.map((s) => s.artifactId))];
    const batch = ids.length
      ? await db.artifact.findMany({
          where: { id: { in: ids }, ...liveArtifactWhere(now) },
          orderBy: { id: "desc" },
          include: ARTIFACT_INCLUDE,
        })
      : [];
    rows.push(...batch);
    if (rows.length > options.limit || shares.length < SHARE_BATCH) break;
    below = shares[shares.length - 1]!.artifactId;
  }
  const { page, nextCursor } = paginate(rows, options.limit, (a) => a.id);
  if (!page.length) return { artifacts: [], nextCursor };

  const pageIds = page.map((a) => a.id);
  const [latest, shareRows] = await Promise.all([
    db.artifactVersion.findMany({
      where: { OR: page.map((a) => ({ artifactId: a.id, version: a.latestVersion! })) },
      include: VERSION_INCLUDE,
    }),
    db.artifactShare.findMany({ where: { AND: [reaching, { artifactId: { in: pageIds } }] }, orderBy: { id: "asc" } }),
  ]);
  const latestBy = new Map(latest.map((v) => [v.artifactId, v]));
  const shares = await toShareDtos(db, shareRows);
  return {
    artifacts: page.map((a) => ({
      ...toArtifactDto(a, latestBy.get(a.id) ?? null),
      sharedWithMe: shares.filter((s) => s.artifactId === a.id),
    })),
    nextCursor,
  };
}
