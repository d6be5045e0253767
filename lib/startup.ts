import "server-only";
import { getConfig } from "./config.ts";
import { getDb } from "./db/client.ts";
import { migrateDatabase } from "./db/migrate.ts";
import { bootstrapAdmin } from "./admin/bootstrap-admin.ts";
import { ensureAdminCredentials } from "./auth/ensure-admin-credentials.ts";
import { configureAuthUrl } from "./auth/configure-auth-url.ts";
import { sweepIncompleteUploads } from "./uploads/sweep-incomplete-uploads.ts";
import { runGc } from "./gc/run-gc.ts";
import { removeAbandonedSpools } from "./http/upload-spool.ts";

/**
 * Runs once when the server starts: migrations for either database and the first admin, which
 * the server needs before it answers. The clean-up of what an earlier process left runs beside
 * the starting server: it talks to the blob store, and a hung store must not keep the server
 * from listening (it would answer 503 for storage, and everything else normally).
 */
export async function startup(): Promise<void> {
  const config = getConfig();
  const applied = await migrateDatabase(config.databaseUrl);
  if (applied.length) console.log(`Stowage: applied migrations ${applied.join(", ")}`);
  await bootstrapAdmin(getDb(), config.adminKey);
  await ensureAdminCredentials(getDb(), config.adminCredentials);
  configureAuthUrl(config.publicUrl);
  // Only at start: the spool files of this host's process before this one are certainly dead.
  // Local disk only, so it cannot hang on a silent blob store.
  const spools = await removeAbandonedSpools(config.dataDir);
  if (spools) console.log(`Stowage: removed ${spools} spooled upload(s) left by an earlier process`);
  void runSweeps();
}

/** The periodic clean-up; also run once at start for what an earlier process left. Never throws. */
export async function runSweeps(): Promise<void> {
  await sweepUploads();
  // Garbage collection lists every stored blob, which takes a while on a large store.
  await collectGarbage();
}

/** One pass over direct uploads (expired, or left half-done by a crash), logged; never throws. */
async function sweepUploads(): Promise<void> {
  try {
    const { expiredUploads, removedLeftovers } = await sweepIncompleteUploads(getDb());
    if (expiredUploads) console.log(`Stowage: closed ${expiredUploads} direct upload(s) whose time ran out`);
    if (removedLeftovers) console.log(`Stowage: removed ${removedLeftovers} incomplete upload(s) left by an earlier process`);
  } catch (error) {
    console.error("Stowage: sweeping direct uploads failed; the next sweep tries again:", (error as Error).message);
  }
}

/** One garbage-collection pass (runGc), logged; never throws: the next interval tries again. */
async function collectGarbage(): Promise<void> {
  try {
    const gc = await runGc(getDb());
    // null: another instance is running it right now.
    if (!gc) return;
    if (gc.retentionUpdated) console.log(`Stowage: applied ARTIFACT_RETENTION_DAYS to ${gc.retentionUpdated} artifact(s)`);
    if (gc.expiredArtifacts) {
      console.log(
        `Stowage: removed ${gc.expiredArtifacts} expired artifact(s) (${gc.expiredVersions} version(s), ${gc.releasedBytes - gc.excessBytes} bytes)`,
      );
    }
    if (gc.excessVersions) {
      console.log(`Stowage: removed ${gc.excessVersions} version(s) past their namespace's keepVersions (${gc.excessBytes} bytes)`);
    }
    if (gc.orphansDeleted) console.log(`Stowage: removed ${gc.orphansDeleted} orphan blob(s) (stored, never committed)`);
    if (gc.blobDeletesFailed || gc.orphansFailed) {
      console.error(`Stowage: ${gc.blobDeletesFailed + gc.orphansFailed} blob delete(s) failed; the next sweep retries them`);
    }
    for (const error of gc.storeErrors) console.error(`Stowage: could not sweep for orphan blobs on ${error}`);
  } catch (error) {
    console.error("Stowage: garbage collection failed:", (error as Error).message);
  }
}
