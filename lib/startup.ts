import "server-only";
import { getConfig } from "./config.ts";
import { getDb } from "./db/client.ts";
import { migrateDatabase } from "./db/migrate.ts";
import { bootstrapAdmin } from "./admin/bootstrap-admin.ts";

/** Runs once when the server starts: migrations for either database, then the first admin. */
export async function startup(): Promise<void> {
  const config = getConfig();
  const applied = await migrateDatabase(config.databaseUrl);
  if (applied.length) console.log(`Stowage: applied migrations ${applied.join(", ")}`);
  await bootstrapAdmin(getDb(), config.adminKey);
}

