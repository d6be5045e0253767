import { mkdirSync, readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { parseDatabaseUrl } from "./database-url.ts";

/** Migrations live in prisma/migrations/<dialect>/<timestamp>_<name>/migration.sql. */
function listMigrations(dir: string): { name: string; sql: string }[] {
  if (!existsSync(dir)) throw new Error(`no migrations directory at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

const LEDGER = `CREATE TABLE IF NOT EXISTS "_stowage_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`;

/**
 * Applies pending migrations, each in its own transaction, and records them in a ledger table.
 * One runner serves both databases because `prisma migrate deploy` cannot run on PostgreSQL here.
 * Safe with several processes starting at once: SQLite takes a write lock, PostgreSQL an advisory lock.
 */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  const target = parseDatabaseUrl(databaseUrl);
  const migrations = listMigrations(path.join(process.cwd(), "prisma", "migrations", target.dialect));
  return target.dialect === "sqlite" ? migrateSqlite(target.file, migrations) : migratePostgres(target.url, migrations);
}

async function migrateSqlite(file: string, migrations: { name: string; sql: string }[]): Promise<string[]> {
  const { default: Database } = await import("better-sqlite3");
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 30_000 });
  try {
    // WAL lets readers proceed while an upload commits; the setting persists in the file.
    db.pragma("journal_mode = WAL");
    db.exec(LEDGER);
    const applied: string[] = [];
    for (const m of migrations) {
      const run = db.transaction(() => {
        if (db.prepare(`SELECT 1 FROM "_stowage_migrations" WHERE "name" = ?`).get(m.name)) return false;
        db.exec(m.sql);
        db.prepare(`INSERT INTO "_stowage_migrations" ("name", "appliedAt") VALUES (?, ?)`).run(m.name, new Date().toISOString());
        return true;
      });
      if (run.immediate()) applied.push(m.name);
    }
    // Fresh statistics let the planner pick the right index for filtered listings.
    db.pragma("optimize=0x10002");
    return applied;
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: { name: string; sql: string }[]): Promise<string[]> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(727274)");
    await client.query(LEDGER);
    const applied: string[] = [];
    for (const m of migrations) {
      const done = await client.query(`SELECT 1 FROM "_stowage_migrations" WHERE "name" = $1`, [m.name]);
      if (done.rowCount) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "_stowage_migrations" ("name", "appliedAt") VALUES ($1, $2)`, [m.name, new Date().toISOString()]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock(727274)").catch(() => undefined);
    await client.end();
  }
}
