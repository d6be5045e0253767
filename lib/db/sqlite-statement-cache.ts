import "server-only";
import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { Database, Statement } from "better-sqlite3";

export type SqlDriverAdapter = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;

/**
 * Prisma's SQLite adapter (7.10) prepares every statement anew, then binds its arguments for good
 * (`prepare(sql).bind(args)`): SQLite compiles the same dozen statements on every request, 0.2 to
 * 0.4 ms of a request's CPU in the small-ops bench's profile. cacheStatements keeps the compiled
 * statements by SQL text and gives the adapter an object that binds per call instead. It is the
 * same adapter otherwise: its type mapping and errors are untouched, and its transactions differ
 * in one word (see below).
 */

/** SQL texts kept per connection; `IN (?, ?, …)` lists make many texts, so the oldest go. */
export const STATEMENT_CACHE_SIZE = 500;

/** What the adapter does with a statement: `reader`, `columns()`, `run()`, `raw().all()`. */
type TAdapterStatement = {
  reader: boolean;
  columns: () => ReturnType<Statement["columns"]>;
  run: () => ReturnType<Statement["run"]>;
  raw: () => { all: () => unknown[] };
};

/**
 * Puts the cache in front of the adapter's `prepare`. Throws when the adapter no longer holds
 * its better-sqlite3 database where 7.10 does, so an upgrade that moves it fails the tests
 * instead of silently compiling every statement again.
 */
export function cacheStatements(adapter: Pick<SqlDriverAdapter, "queryRaw">): void {
  const db = (adapter as unknown as { client?: Database }).client;
  if (!db || typeof db.prepare !== "function") throw new Error("the SQLite adapter does not expose its database as `client`");
  const compile = db.prepare.bind(db);
  const cache = new Map<string, Statement<unknown[]>>();
  const statementFor = (sql: string): Statement<unknown[]> => {
    let statement = cache.get(sql);
    if (statement) {
      cache.delete(sql); // re-inserted below: a Map iterates oldest first, so hits stay young
    } else {
      statement = compile(sql) as Statement<unknown[]>;
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, statement);
    return statement;
  };
  const bound = (statement: Statement<unknown[]>, args: unknown[]): TAdapterStatement => ({
    reader: statement.reader,
    columns: () => statement.columns(),
    run: () => statement.run(args),
    raw: () => ({ all: () => statement.raw(true).all(args) }),
  });
  // Unbound, the adapter only runs it (BEGIN); everything else goes through bind(). Its deferred
  // BEGIN takes a read snapshot first, and a transaction that then writes fails at once with
  // SQLITE_BUSY when another process (the operator CLI, a second server) committed meanwhile;
  // IMMEDIATE takes the write lock up front, so it waits on the busy timeout instead. In one
  // process nothing changes: the adapter already runs one transaction at a time.
  const prepare = (sql: string) => {
    const statement = statementFor(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    return { run: () => statement.run(), bind: (args: unknown[]) => bound(statement, args), readonly: statement.readonly };
  };
  Object.assign(db, { prepare });
}
