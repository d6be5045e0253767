import "server-only";
import type { Db } from "../db/client.ts";
import { requireNamespace } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";

/** Bytes and counts stored in a namespace, summed from the version table. */
export async function getNamespaceUsage(db: Db, principal: TPrincipal, namespace: string, defaultQuotaBytes: number) {
  const ns = await requireNamespace(db, principal, namespace, "read");
  const [sum, artifactCount] = await Promise.all([
    db.artifactVersion.aggregate({ where: { artifact: { namespaceId: ns.id } }, _sum: { sizeBytes: true }, _count: true }),
    db.artifact.count({ where: { namespaceId: ns.id, latestVersion: { not: null } } }),
  ]);
  return {
    namespace,
    usedBytes: Number(sum._sum.sizeBytes ?? 0n),
    quotaBytes: defaultQuotaBytes,
    artifactCount,
    versionCount: sum._count,
  };
}
