import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { listFiles } from "./list-files.ts";
import { startSideServer } from "./side-server.ts";
import { sqlAt } from "./db-at.ts";
import { createTestDatabase, type TTestDatabase } from "./test-database.ts";

/**
 * A server of the calling describe block's own, on a database and data dir it keeps across
 * restarts (a start runs the garbage collection, in the background).
 */
export function ownServer(prefix: string) {
  const state = {} as { dataDir: string; database: TTestDatabase; side?: Awaited<ReturnType<typeof startSideServer>> };
  beforeAll(async () => {
    state.dataDir = mkdtempSync(path.join(os.tmpdir(), `stowage-${prefix}-`));
    state.database = await createTestDatabase(state.dataDir);
  });
  afterAll(async () => {
    await state.side?.stop();
    await state.database?.drop();
    rmSync(state.dataDir, { recursive: true, force: true });
  });
  return {
    state,
    start: async (env: Record<string, string> = {}) => {
      await state.side?.stop();
      state.side = await startSideServer({ dataDir: state.dataDir, databaseUrl: state.database.url, env });
      return state.side;
    },
    sql: <T = Record<string, unknown>>(query: string, params: unknown[] = []) => sqlAt<T>(state.database.url, query, params),
    /** A timestamp parameter as Prisma stores DateTime columns (text in SQLite). */
    time: (d: Date) => (state.database.kind === "sqlite" ? d.toISOString().replace("Z", "+00:00") : d.toISOString()),
    versionFiles: async () => (await listFiles(path.join(state.dataDir, "blobs"))).filter((f) => f.startsWith("v1/")),
  };
}
