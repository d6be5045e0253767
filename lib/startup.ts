import "server-only";
import { getConfig } from "./config.ts";
import { getDb } from "./db/client.ts";
import { migrateDatabase } from "./db/migrate.ts";
import { bootstrapAdmin } from "./admin/bootstrap-admin.ts";
import { getBlobStore } from "./storage/get-blob-store.ts";

/** A temp file untouched this long belongs to an upload whose process died. */
const STALE_UPLOAD_MS = 24 * 3_600_000;

/** Runs once when the server starts: migrations for either database, the first admin, leftovers. */
export async function startup(): Promise<void> {
  const config = getConfig();
  const applied = await migrateDatabase(config.databaseUrl);
  if (applied.length) console.log(`Stowage: applied migrations ${applied.join(", ")}`);
  await bootstrapAdmin(getDb(), config.adminKey);
  const removed = await getBlobStore("fs").removeIncomplete(new Date(Date.now() - STALE_UPLOAD_MS));
  if (removed) console.log(`Stowage: removed ${removed} incomplete upload(s) left by an earlier process`);
}
