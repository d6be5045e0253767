import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { clientFor } from "./api.ts";
import { startServer, type TStartedServer } from "./start-server.ts";
import { createTestDatabase, type TTestDatabase } from "./test-database.ts";
import { createTestBucket, s3ServerEnv, type TTestS3 } from "./test-s3.ts";

export const SIDE_ADMIN_KEY = "stw_side_server_admin_key_0123456789";

/**
 * A Stowage server of a test's own (other settings than the shared one): its own data dir and
 * database unless given, the same admin key. `stop` keeps the data when asked, for a restart.
 */
export async function startSideServer(o: { env?: Record<string, string>; dataDir?: string; databaseUrl?: string } = {}) {
  const dataDir = o.dataDir ?? mkdtempSync(path.join(os.tmpdir(), "stowage-side-"));
  let database: TTestDatabase | undefined;
  const databaseUrl = o.databaseUrl ?? (database = await createTestDatabase(dataDir)).url;
  const server: TStartedServer = await startServer({ dataDir, databaseUrl, adminKey: SIDE_ADMIN_KEY, env: o.env });
  return {
    server,
    dataDir,
    databaseUrl,
    admin: clientFor(server.baseUrl, SIDE_ADMIN_KEY),
    stop: async (options: { keepData?: boolean } = {}) => {
      await server.stop();
      if (options.keepData) return;
      await database?.drop();
      if (!o.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A side server storing in a fresh bucket of the test S3 server; `stop` drops the bucket too. */
export async function startS3SideServer(s3: TTestS3, env: Record<string, string> = {}) {
  const bucket = await createTestBucket(s3);
  let side: Awaited<ReturnType<typeof startSideServer>>;
  try {
    side = await startSideServer({ env: { ...s3ServerEnv(s3, bucket.bucket), ...env } });
  } catch (error) {
    await bucket.drop();
    throw error;
  }
  return {
    ...side,
    bucket: bucket.bucket,
    stop: async () => {
      await side.stop();
      await bucket.drop();
    },
  };
}
