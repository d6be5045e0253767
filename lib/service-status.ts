import "server-only";
import { getDb } from "./db/client.ts";
import { parseDatabaseUrl } from "./db/database-url.ts";
import { getConfig } from "./config.ts";

/** What the landing page shows: is the service up, and on what. */
export async function getServiceStatus() {
  const config = getConfig();
  const dialect = parseDatabaseUrl(config.databaseUrl).dialect;
  const storage = process.env.S3_BUCKET ? "S3" : "filesystem";
  try {
    const db = getDb();
    const [artifacts, namespaces] = await Promise.all([db.artifact.count({ where: { latestVersion: { not: null } } }), db.namespace.count()]);
    return { up: true as const, database: dialect, storage, artifacts, namespaces, maxUploadMb: config.maxUploadBytes / 1024 / 1024 };
  } catch {
    return { up: false as const, database: dialect, storage };
  }
}
