import path from "node:path";
import { randomBytes } from "node:crypto";

export type TTestDatabase = { kind: "sqlite" | "postgres"; url: string; drop: () => Promise<void> };

/** Refuses anything but a loopback server: tests create and drop databases. */
function assertLocal(url: URL): void {
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) {
    throw new Error(`TEST_POSTGRES_URL must point at a loopback server, not ${url.hostname}`);
  }
}

/** A fresh SQLite file in `dir`, or a fresh database on the TEST_POSTGRES_URL server. */
export async function createTestDatabase(dir: string): Promise<TTestDatabase> {
  const admin = process.env.TEST_POSTGRES_URL;
  if (!admin) return { kind: "sqlite", url: `file:${path.join(dir, "stowage.db")}`, drop: async () => undefined };
  const adminUrl = new URL(admin);
  assertLocal(adminUrl);
  const name = `stowage_test_${randomBytes(6).toString("hex")}`;
  const { default: pg } = await import("pg");
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { kind: "postgres", url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
