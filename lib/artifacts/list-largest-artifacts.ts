import "server-only";
import type { Db } from "../db/client.ts";
import { requireNamespace } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";
import { liveArtifactWhere } from "./find-artifact-or-throw.ts";

/**
 * The namespace's live artifacts that take the most space, by the total size of all their
 * versions (what counts against the quota, and what deleting the artifact gives back).
 */
export async function listLargestArtifacts(db: Db, principal: TPrincipal, namespace: string, limit = 10) {
  const ns = await requireNamespace(db, principal, namespace, "read");
  const groups = await db.artifactVersion.groupBy({
    by: ["artifactId"],
    where: { artifact: { AND: [{ namespaceId: ns.id }, liveArtifactWhere()] } },
    _sum: { sizeBytes: true },
    _count: { _all: true },
    orderBy: [{ _sum: { sizeBytes: "desc" } }, { artifactId: "asc" }],
    take: limit,
  });
  if (!groups.length) return [];
  const rows = await db.artifact.findMany({
    where: { id: { in: groups.map((g) => g.artifactId) } },
    select: { id: true, name: true, latestVersion: true, updatedAt: true, session: { select: { externalId: true } } },
  });
  const byId = new Map(rows.map((a) => [a.id, a]));
  return groups.flatMap((g) => {
    const a = byId.get(g.artifactId);
    if (!a) return [];
    return [
      {
        id: a.id,
        name: a.name,
        sessionId: a.session?.externalId ?? null,
        latestVersion: a.latestVersion,
        versionCount: g._count._all,
        totalBytes: Number(g._sum.sizeBytes ?? 0n),
        updatedAt: a.updatedAt.toISOString(),
      },
    ];
  });
}
