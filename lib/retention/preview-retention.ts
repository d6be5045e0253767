import "server-only";
import { getConfig, type TConfig } from "../config.ts";
import type { Db } from "../db/client.ts";
import { requireNamespace } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";
import { StowageError } from "../errors.ts";
import { selectExcessVersions, sumExcessVersions } from "./excess-versions.ts";
import { selectExpiredArtifacts, sumExpiredArtifacts } from "./expired-artifacts.ts";

/** Rows listed per kind; totalBytes still counts everything. */
export const PREVIEW_LIMIT = 500;

/**
 * A dry run of the namespace's retention rules (admins and writers of the namespace: what it
 * shows is what they could delete themselves): the versions keep-last-N would remove and the
 * artifacts the age rule has expired, with the bytes the next sweep frees. It lists with the
 * sweep's own selections (excess-versions.ts, expired-artifacts.ts), so it cannot promise
 * something the sweep would not do.
 */
export async function previewRetention(
  db: Db,
  principal: TPrincipal,
  namespace: string,
  config: Pick<TConfig, "retentionDays"> = getConfig(),
) {
  const ns = await requireNamespace(db, principal, namespace, "write");
  // One instant for every part, so an artifact is never both expired and kept.
  const now = new Date();
  const [versions, artifacts, versionBytes, artifactBytes] = await Promise.all([
    selectExcessVersions(db, ns, { now, limit: PREVIEW_LIMIT + 1 }),
    selectExpiredArtifacts(db, ns.id, { now, limit: PREVIEW_LIMIT + 1 }),
    sumExcessVersions(db, ns, now),
    sumExpiredArtifacts(db, ns.id, now),
  ]);
  return {
    namespace,
    rules: { retentionDays: ns.retentionDays ?? config.retentionDays ?? null, keepVersions: ns.keepVersions },
    versions: versions.slice(0, PREVIEW_LIMIT).map((v) => ({
      artifactId: v.artifactId,
      name: v.name,
      version: v.version,
      sizeBytes: Number(v.sizeBytes),
      reason: "keepVersions" as const,
    })),
    artifacts: artifacts.slice(0, PREVIEW_LIMIT).map((a) => ({
      artifactId: a.artifactId,
      name: a.name,
      versions: a.versions,
      sizeBytes: Number(a.sizeBytes),
      reason: a.reason,
    })),
    totalBytes: Number(versionBytes + artifactBytes),
    truncated: versions.length > PREVIEW_LIMIT || artifacts.length > PREVIEW_LIMIT,
  };
}

/** Whether the principal may run the preview (the dashboard shows its button only then). */
export async function mayPreviewRetention(db: Db, principal: TPrincipal, namespace: string): Promise<boolean> {
  try {
    await requireNamespace(db, principal, namespace, "write");
    return true;
  } catch (error) {
    if (error instanceof StowageError && error.code === "ARTIFACT_NAMESPACE_DENIED") return false;
    throw error;
  }
}
