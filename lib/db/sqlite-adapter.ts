import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { cacheStatements, type SqlDriverAdapter } from "./sqlite-statement-cache.ts";
import { isolateTransactions, type TReader } from "./sqlite-isolation.ts";

/**
 * Prisma's SQLite adapter with compiled statements kept (sqlite-statement-cache.ts) and its one
 * connection made safe to share (sqlite-isolation.ts): a second connection to the same file
 * answers the reads made outside any transaction, from committed data only.
 */
export class StowageSqliteAdapterFactory extends PrismaBetterSqlite3 {
  override async connect(): Promise<SqlDriverAdapter> {
    const adapter = await super.connect();
    const writer = (adapter as unknown as { client: Database.Database }).client;
    // An in-memory database is private to its connection: there the reads stay on the one.
    const reader = writer.memory ? null : readerFor(adapter, writer);
    cacheStatements(adapter);
    isolateTransactions(adapter, reader);
    return adapter;
  }
}

/** The adapter's own query code (its type mapping, its errors) over a read-only connection to the writer's file. */
function readerFor(adapter: SqlDriverAdapter, writer: Database.Database): TReader {
  // Read before the writer's `prepare` is the statement cache's, which pragma() cannot use.
  const timeout = Number(writer.pragma("busy_timeout", { simple: true }));
  const connection = new Database(writer.name, { timeout });
  connection.defaultSafeIntegers(true); // as the adapter opens its own
  connection.pragma("query_only = ON");
  const reader = Object.create(adapter, { client: { value: connection } }) as SqlDriverAdapter;
  // The adapter's method itself: `adapter.queryRaw` is about to route to this reader.
  const queryRaw = adapter.queryRaw;
  cacheStatements(reader);
  const prepare = connection.prepare as unknown as (sql: string) => { readonly: boolean };
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    connection.close();
    await dispose();
  };
  return {
    queryRaw: (query) => queryRaw.call(reader, query),
    // A text SQLite cannot compile is left to the writer, which reports it as the adapter does.
    readsOnly: (sql) => {
      try {
        return prepare(sql).readonly;
      } catch {
        return false;
      }
    },
  };
}
