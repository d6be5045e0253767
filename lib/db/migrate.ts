import { mkdirSync, readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { parseDatabaseUrl } from "./database-url.ts";

export type TMigration = { name: string; sql: string };

/** Migrations live in prisma/migrations/<dialect>/<timestamp>_<name>/migration.sql. */
export function listMigrations(dir: string): TMigration[] {
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
  return applyMigrations(databaseUrl, listMigrations(path.join(process.cwd(), "prisma", "migrations", target.dialect)));
}

/** Applies the given migrations (those not applied yet); tests use it to upgrade from an older schema. */
export async function applyMigrations(databaseUrl: string, migrations: TMigration[]): Promise<string[]> {
  const target = parseDatabaseUrl(databaseUrl);
  return target.dialect === "sqlite" ? migrateSqlite(target.file, migrations) : migratePostgres(target.url, migrations);
}

async function migrateSqlite(file: string, migrations: TMigration[]): Promise<string[]> {
  const { default: Database } = await import("better-sqlite3");
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 30_000 });
  try {
    // WAL lets readers proceed while an upload commits; the setting persists in the file.
    db.pragma("journal_mode = WAL");
    // SQLite changes a column by rebuilding the table (CREATE new, copy, DROP old, RENAME). With
    // foreign keys on, that DROP would cascade-delete every child row. The PRAGMA in Prisma's SQL
    // cannot help (it is a no-op inside a transaction), so it is switched off here, outside one,
    // and the result is checked before each migration commits.
    db.pragma("foreign_keys = OFF");
    db.exec(LEDGER);
    const applied: string[] = [];
    for (const m of migrations) {
      const run = db.transaction(() => {
        if (db.prepare(`SELECT 1 FROM "_stowage_migrations" WHERE "name" = ?`).get(m.name)) return false;
        db.exec(m.sql);
        const broken = db.pragma("foreign_key_check") as unknown[];
        if (broken.length) throw new Error(`migration ${m.name} leaves ${broken.length} row(s) with a dangling foreign key`);
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

async function migratePostgres(url: string, migrations: TMigration[]): Promise<string[]> {
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
