import "server-only";
import { getConfig, type TConfig } from "../config.ts";
import type { Db } from "../db/client.ts";
import type { BlobStore } from "../storage/blob-store.ts";
import { configuredBackends, getBlobStore } from "../storage/get-blob-store.ts";
import { syncDefaultRetention } from "../retention/sync-default-retention.ts";
import { processPendingDeletes } from "./process-pending-deletes.ts";
import { sweepExcessVersions } from "./sweep-excess-versions.ts";
import { sweepExpired } from "./sweep-expired.ts";
import { sweepOrphans } from "./sweep-orphans.ts";
import { withLease } from "./with-lease.ts";
import { sweepDeletions, sweepRuns } from "../observability/stowage-metrics.ts";

const GC_LEASE = "gc";

export type TGcSummary = {
  /** When this instance started and finished the pass, while holding the lease. */
  startedAt: Date;
  finishedAt: Date;
  /** Artifacts whose retainUntil changed because ARTIFACT_RETENTION_DAYS did. */
  retentionUpdated: number;
  expiredArtifacts: number;
  expiredVersions: number;
  /** Versions beyond a namespace's keepVersions (their own artifact stays); counted apart from expiredVersions. */
  excessVersions: number;
  excessBytes: bigint;
  /** Space given back by both sweeps. */
  releasedBytes: bigint;
  blobsDeleted: number;
  /** Still in the outbox, retried by the next pass. */
  blobDeletesFailed: number;
  orphansDeleted: number;
  orphansFailed: number;
  /** Stores that could not be swept for orphans this time, with why. */
  storeErrors: string[];
};

export type TGcOptions = {
  config?: Pick<TConfig, "retentionDays" | "orphanGraceMinutes" | "s3">;
  /** Where stores come from; tests wrap them to inject faults. */
  getStore?: (backend: string) => BlobStore;
  leaseTtlMs?: number;
};

/**
 * One garbage-collection pass, under the "gc" lease so that two instances never run it at once
 * (null when another one holds it): a changed ARTIFACT_RETENTION_DAYS applied, expired artifacts
 * removed (rows and usage first, bytes queued), versions beyond each namespace's keepVersions
 * removed the same way, the queued blob deletes done, and orphan bytes
 * reclaimed on every configured store. An unreachable store is reported and retried next time.
 */
export async function runGc(db: Db, options: TGcOptions = {}): Promise<TGcSummary | null> {
  const config = options.config ?? getConfig();
  const getStore = options.getStore ?? getBlobStore;
  return withLease(
    db,
    GC_LEASE,
    async (lease) => {
      const startedAt = new Date();
      const retentionUpdated = await syncDefaultRetention(db, config);
      const expired = await sweepExpired(db, lease);
      // After the age rule, so an expired artifact goes whole rather than version by version.
      const excess = await sweepExcessVersions(db, lease);
      const blobs = await processPendingDeletes(db, { getStore, lease });
      const orphans = { deleted: 0, failed: 0 };
      const storeErrors: string[] = [];
      for (const backend of configuredBackends(config)) {
        try {
          const swept = await sweepOrphans(db, getStore(backend), lease, { graceMs: config.orphanGraceMinutes * 60_000 });
          orphans.deleted += swept.deleted;
          orphans.failed += swept.failed;
        } catch (error) {
          lease.assertHeld();
          storeErrors.push(`${backend}: ${(error as Error).message}`);
        }
      }
      sweepRuns.inc({ sweep: "gc" });
      sweepDeletions.inc({ sweep: "gc", kind: "artifacts" }, expired.artifacts);
      sweepDeletions.inc({ sweep: "gc", kind: "versions" }, expired.versions + excess.versions);
      sweepDeletions.inc({ sweep: "gc", kind: "blobs" }, blobs.deleted);
      sweepDeletions.inc({ sweep: "gc", kind: "orphans" }, orphans.deleted);
      return {
        startedAt,
        finishedAt: new Date(),
        retentionUpdated,
        expiredArtifacts: expired.artifacts,
        expiredVersions: expired.versions,
        excessVersions: excess.versions,
        excessBytes: excess.bytes,
        releasedBytes: expired.bytes + excess.bytes,
        blobsDeleted: blobs.deleted,
        blobDeletesFailed: blobs.failed,
        orphansDeleted: orphans.deleted,
        orphansFailed: orphans.failed,
        storeErrors,
      };
    },
    { ttlMs: options.leaseTtlMs },
  );
}
