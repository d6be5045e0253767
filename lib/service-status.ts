import "server-only";
import { getDb } from "./db/client.ts";
import { parseDatabaseUrl } from "./db/database-url.ts";
import { getConfig } from "./config.ts";

/** What the landing page shows: is the service up, and on what. */
export async function getServiceStatus() {
  const config = getConfig();
  const dialect = parseDatabaseUrl(config.databaseUrl).dialect;
  const storage = config.storageBackend === "s3" ? "S3" : "filesystem";
  try {
    await getDb().setting.count();
    // Public page: it says whether the service works, never what anyone stored.
    return { up: true as const, database: dialect, storage, maxUploadMb: config.maxUploadBytes / 1024 / 1024 };
  } catch {
    return { up: false as const, database: dialect, storage };
  }
}
