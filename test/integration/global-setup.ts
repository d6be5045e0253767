import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startServer, type TStartedServer } from "../support/start-server.ts";
import { createTestDatabase, type TTestDatabase } from "../support/test-database.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    adminKey: string;
    dataDir: string;
    databaseUrl: string;
  }
}

let server: TStartedServer | undefined;
let database: TTestDatabase | undefined;
let dataDir: string | undefined;

/**
 * One real server for the run: the production build under `next start`, a fresh data dir, and
 * a fresh database (SQLite by default; PostgreSQL when TEST_POSTGRES_URL is set).
 */
export async function setup(project: TestProject) {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "stowage-it-"));
  database = await createTestDatabase(dataDir);
  const adminKey = `stw_test_admin_${Math.random().toString(36).slice(2)}${Date.now()}`;
  server = await startServer({
    dataDir,
    databaseUrl: database.url,
    adminKey,
    env: { ARTIFACT_MAX_SIZE_MB: "5", SHARE_URL_MAX_SECONDS: "7200" },
  });
  project.provide("baseUrl", server.baseUrl);
  project.provide("adminKey", adminKey);
  project.provide("dataDir", dataDir);
  project.provide("databaseUrl", database.url);
  console.log(`integration server on ${server.baseUrl} with ${database.kind}`);
}

export async function teardown() {
  await server?.stop();
  // Every request removes what it spooled before it is answered: a file left here is a leak.
  const spool = dataDir && path.join(dataDir, ".upload-spool");
  if (spool && existsSync(spool)) {
    const left = readdirSync(spool, { withFileTypes: true }).filter((e) => e.isFile());
    for (const f of left)
      console.warn(`spool file left behind by the shared server: ${f.name} (${statSync(path.join(spool, f.name)).size} bytes)`);
  }
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
