import "server-only";
import type { Db } from "../db/client.ts";
import { reclaimExpiredReservations } from "../quota/reserve-quota.ts";
import { configuredBackends, getBlobStore } from "../storage/get-blob-store.ts";
import { UPLOAD_LIFETIME_MS } from "./start-direct-upload.ts";
import { sweepDirectUploads } from "./sweep-direct-uploads.ts";
import { sweepDeletions, sweepRuns } from "../observability/stowage-metrics.ts";

/**
 * Longer than any upload may stay open, so only the abandoned are touched: temp files of a
 * killed process, and multipart uploads no row knows about (a crash right after starting one).
 */
const STALE_AFTER_MS = UPLOAD_LIFETIME_MS + 3_600_000;

/** Everything uploads can leave behind, on every configured store, and the quota they held. */
export async function sweepIncompleteUploads(
  db: Db,
): Promise<{ expiredUploads: number; removedLeftovers: number; reclaimedReservations: number }> {
  const expiredUploads = await sweepDirectUploads(db);
  const reclaimedReservations = await reclaimExpiredReservations(db);
  let removedLeftovers = 0;
  for (const backend of configuredBackends()) {
    try {
      removedLeftovers += await getBlobStore(backend).removeIncomplete(new Date(Date.now() - STALE_AFTER_MS));
    } catch (error) {
      // A store that is down now is swept next time; the others still are.
      console.error(`Stowage: could not sweep incomplete uploads on ${backend}:`, (error as Error).message);
    }
  }
  sweepRuns.inc({ sweep: "uploads" });
  sweepDeletions.inc({ sweep: "uploads", kind: "expired_uploads" }, expiredUploads);
  sweepDeletions.inc({ sweep: "uploads", kind: "leftovers" }, removedLeftovers);
  sweepDeletions.inc({ sweep: "uploads", kind: "reservations" }, reclaimedReservations);
  return { expiredUploads, removedLeftovers, reclaimedReservations };
}
