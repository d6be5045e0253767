import "server-only";
import type { Db } from "../db/client.ts";
import { requireNamespace } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";
import { quotaOf } from "../quota/reserve-quota.ts";
import { liveArtifactWhere } from "./find-artifact-or-throw.ts";

/** Bytes stored and held for uploads in flight, the quota, and counts, for one namespace. */
export async function getNamespaceUsage(db: Db, principal: TPrincipal, namespace: string) {
  const ns = await requireNamespace(db, principal, namespace, "read");
  // Counts agree with the listings (expired artifacts are gone at once); usedBytes keeps their
  // bytes until the sweep has deleted them.
  const live = { AND: [{ namespaceId: ns.id }, liveArtifactWhere()] };
  const [versionCount, artifactCount] = await Promise.all([
    db.artifactVersion.count({ where: { artifact: live } }),
    db.artifact.count({ where: live }),
  ]);
  return {
    namespace,
    usedBytes: Number(ns.usedBytes),
    reservedBytes: Number(ns.reservedBytes),
    quotaBytes: Number(quotaOf(ns)),
    quotaOverride: ns.quotaBytes !== null,
    retentionDays: ns.retentionDays,
    keepVersions: ns.keepVersions,
    artifactCount,
    versionCount,
  };
}
