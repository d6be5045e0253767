import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { createTestDatabase, type TTestDatabase } from "./test-database";

export type TMigratedDatabase = { dir: string; database: TTestDatabase; db: Db };

/**
 * For the enclosing describe block: a temp dir, a fresh migrated database (SQLite there, or
 * PostgreSQL with TEST_POSTGRES_URL) and a client on it, all removed afterwards. The fields are
 * set once beforeAll has run.
 */
export function useMigratedDatabase(prefix: string): TMigratedDatabase {
  const scratch = {} as TMigratedDatabase;
  beforeAll(async () => {
    scratch.dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    scratch.database = await createTestDatabase(scratch.dir);
    await migrateDatabase(scratch.database.url);
    scratch.db = createDb(scratch.database.url);
  });
  afterAll(async () => {
    await scratch.db?.$disconnect();
    await scratch.database?.drop();
    if (scratch.dir) rmSync(scratch.dir, { recursive: true, force: true });
  });
  return scratch;
}
