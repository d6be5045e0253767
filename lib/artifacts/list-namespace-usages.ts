import "server-only";
import type { Db } from "../db/client.ts";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { readableNamespaceFilter } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";
import { quotaOf } from "../quota/reserve-quota.ts";
import { liveArtifactWhere } from "./find-artifact-or-throw.ts";

export type TNamespaceUsageRow = {
  name: string;
  kind: string;
  usedBytes: number;
  reservedBytes: number;
  quotaBytes: number;
  quotaOverride: boolean;
  artifactCount: number;
  versionCount: number;
};

/**
 * getNamespaceUsage for every namespace the principal can read, in four queries however many
 * there are: the rows, live artifact counts grouped by namespace, version counts grouped by
 * namespace, and the versions of the (few) artifacts that are expired but not yet swept, which
 * the counts leave out so they agree with the listings.
 */
export async function listNamespaceUsages(db: Db, principal: TPrincipal): Promise<TNamespaceUsageRow[]> {
  const namespaces = await db.namespace.findMany({ where: readableNamespaceFilter(principal), orderBy: { name: "asc" } });
  if (!namespaces.length) return [];
  // Admins read everything: no id list, so thousands of namespaces never become thousands of parameters.
  const ids = principal.isAdmin ? undefined : namespaces.map((n) => n.id);
  const inScope = ids ? { namespaceId: { in: ids } } : {};
  const live = liveArtifactWhere();
  const [artifactCounts, versionCounts, notLive] = await Promise.all([
    db.artifact.groupBy({ by: ["namespaceId"], where: { AND: [inScope, live] }, _count: { _all: true } }),
    db.$queryRaw<{ namespaceId: string; n: bigint | number }[]>`
      SELECT a."namespaceId" AS "namespaceId", COUNT(*) AS "n"
      FROM "ArtifactVersion" v JOIN "Artifact" a ON a."id" = v."artifactId"
      ${ids ? Prisma.sql`WHERE a."namespaceId" IN (${Prisma.join(ids)})` : Prisma.empty}
      GROUP BY a."namespaceId"`,
    db.artifact.findMany({
      where: { AND: [inScope, { NOT: live }] },
      select: { namespaceId: true, _count: { select: { versions: true } } },
    }),
  ]);
  const artifacts = new Map(artifactCounts.map((c) => [c.namespaceId, c._count._all]));
  const versions = new Map(versionCounts.map((c) => [c.namespaceId, Number(c.n)]));
  for (const a of notLive) versions.set(a.namespaceId, (versions.get(a.namespaceId) ?? 0) - a._count.versions);
  return namespaces.map((ns) => ({
    name: ns.name,
    kind: ns.kind,
    usedBytes: Number(ns.usedBytes),
    reservedBytes: Number(ns.reservedBytes),
    quotaBytes: Number(quotaOf(ns)),
    quotaOverride: ns.quotaBytes !== null,
    artifactCount: artifacts.get(ns.id) ?? 0,
    versionCount: versions.get(ns.id) ?? 0,
  }));
}
