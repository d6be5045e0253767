import "server-only";
import { getConfig } from "./config.ts";
import { getDb } from "./db/client.ts";
import { migrateDatabase } from "./db/migrate.ts";
import { bootstrapAdmin } from "./admin/bootstrap-admin.ts";
import { sweepIncompleteUploads } from "./uploads/sweep-incomplete-uploads.ts";

/** Runs once when the server starts: migrations for either database, the first admin, leftovers. */
export async function startup(): Promise<void> {
  const config = getConfig();
  const applied = await migrateDatabase(config.databaseUrl);
  if (applied.length) console.log(`Stowage: applied migrations ${applied.join(", ")}`);
  await bootstrapAdmin(getDb(), config.adminKey);
  await runSweeps();
}

/** The periodic clean-up; also run once at start for what an earlier process left. */
export async function runSweeps(): Promise<void> {
  const { expiredUploads, removedLeftovers } = await sweepIncompleteUploads(getDb());
  if (expiredUploads) console.log(`Stowage: closed ${expiredUploads} direct upload(s) whose time ran out`);
  if (removedLeftovers) console.log(`Stowage: removed ${removedLeftovers} incomplete upload(s) left by an earlier process`);
}
