import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "./generated/postgres/client.ts";
import { getConfig } from "../config.ts";
import { parseDatabaseUrl } from "./database-url.ts";
import { dbQueries } from "../observability/stowage-metrics.ts";
import { StowageSqliteAdapterFactory } from "./sqlite-adapter.ts";
import { statementNamer } from "./postgres-statement-names.ts";
import { attachRawSql, rememberAdapter, type TRawSql } from "./raw-sql.ts";

/**
 * Both generated clients have the same models and methods (the PostgreSQL schema is derived
 * from the SQLite one), so the rest of the code uses one type.
 */
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type TDialect = "sqlite" | "postgres";

// Kept on the client object itself: lib is loaded twice in one process (the custom server's
// module graph and Next's bundles), and a module-local map filled by one copy is empty in the
// other. Symbol.for is process-wide, so both copies read the same key.
const DIALECT = Symbol.for("stowage.db.dialect");

/** Which database a client talks to, for the few queries that must differ. */
export function dialectOf(db: Db): TDialect {
  const dialect = (db as unknown as Record<symbol, TDialect | undefined>)[DIALECT];
  if (!dialect) throw new Error("dialectOf: not a client made by createDb (pass the client, not a transaction)");
  return dialect;
}

const globalForDb = globalThis as unknown as { stowageDb?: Db };

// SQLite runs one transaction at a time: under a burst of uploads, commits queue for the lock,
// and Prisma's default 2 s wait would fail them although each commit takes milliseconds.
const transactionOptions = { maxWait: 30_000, timeout: 30_000 };

export type TQueryEvent = { query: string; params: string; duration: number };

/**
 * A new client for a DATABASE_URL; the app uses the shared one from getDb(). `onQuery` sees
 * every SQL statement (benchmarks count and explain them).
 */
export function createDb(databaseUrl: string, options: { onQuery?: (e: TQueryEvent) => void } = {}): Db {
  const target = parseDatabaseUrl(databaseUrl);
  const log = options.onQuery ? [{ emit: "event" as const, level: "query" as const }] : undefined;
  const raw: TRawSql = {
    placeholders: target.dialect === "postgres" ? "$n" : "?",
    onQuery: options.onQuery,
    adapter: null,
    connect: () => db.$connect(),
    client: null,
  };
  let db: Db;
  if (target.dialect === "postgres") {
    const namer = statementNamer() as (query: { sql: string }) => string; // undefined: unnamed, which pg accepts
    const adapter = rememberAdapter(new PrismaPg({ connectionString: target.url }, { statementNameGenerator: namer }), raw);
    db = new PostgresClient({ adapter, transactionOptions, log }) as unknown as Db;
  } else {
    mkdirSync(path.dirname(target.file), { recursive: true });
    const adapter = rememberAdapter(new StowageSqliteAdapterFactory({ url: target.url, timeout: 10_000 }), raw);
    db = new SqliteClient({ adapter, transactionOptions, log }) as unknown as Db;
  }
  if (options.onQuery) (db as unknown as { $on(event: "query", cb: (e: TQueryEvent) => void): void }).$on("query", options.onQuery);
  attachRawSql(db, raw);
  Object.defineProperty(db, DIALECT, { value: target.dialect, enumerable: false });
  return db;
}

/** The process-wide client (kept on globalThis so dev-mode reloads do not open new pools). */
export function getDb(): Db {
  const config = getConfig();
  // Counting costs a little per statement, so only where someone reads the counter.
  globalForDb.stowageDb ??= createDb(config.databaseUrl, config.metricsToken ? { onQuery: () => dbQueries.inc() } : {});
  return globalForDb.stowageDb;
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
