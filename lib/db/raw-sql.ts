import "server-only";
import { Prisma } from "./generated/sqlite/client.ts";
import type { SqlDriverAdapter } from "./sqlite-statement-cache.ts";
import type { Db, Tx } from "./client.ts";

type TQueryable = Pick<SqlDriverAdapter, "queryRaw" | "executeRaw">;
type TAdapter = TQueryable & Pick<SqlDriverAdapter, "dispose" | "startTransaction">;
type TSqlQuery = Parameters<SqlDriverAdapter["queryRaw"]>[0];
type TResultSet = Awaited<ReturnType<SqlDriverAdapter["queryRaw"]>>;
type TArgType = TSqlQuery["argTypes"][number];

/** What a client made by createDb keeps for raw SQL: the adapter its engine connected, and how to run on it. */
export type TRawSql = {
  placeholders: "?" | "$n";
  /** Sees every statement, as Prisma's query event would (metrics, benchmarks). */
  onQuery?: (e: { query: string; params: string; duration: number }) => void;
  /** The driver adapter Prisma's client is connected through; null before it connected or after it disposed it. */
  adapter: TAdapter | null;
  /** Makes the client connect (and so set `adapter`). */
  connect(): Promise<void>;
  /**
   * The client itself: a transaction client reads this object through its proxy too, and must
   * not take the shortcut out of its transaction.
   */
  client: object | null;
};

// Kept on the client object, not in a module map: lib is loaded twice in one process (see client.ts).
const RAW_SQL = Symbol.for("stowage.db.raw-sql");

type TWithRaw = { [RAW_SQL]?: TRawSql };
type TPrismaRaw = { $queryRaw<T>(query: Prisma.Sql): Promise<T>; $executeRaw(query: Prisma.Sql): Promise<number> };

export function attachRawSql(db: object, raw: TRawSql): void {
  raw.client = db;
  Object.defineProperty(db, RAW_SQL, { value: raw, enumerable: false });
}

/** The raw SQL shortcut of a client made by createDb or of a rawTransaction; none for a Prisma transaction client. */
function rawSqlOf(db: object): TRawSql | null {
  const raw = (db as TWithRaw)[RAW_SQL];
  return raw && raw.client === db ? raw : null;
}

/** A transaction of rawTransaction: only queryRows and executeSql (and the helpers built on them) run in it. */
export type TRawTransaction = { readonly rawTransaction: true };

/** What the raw SQL helpers accept: a client, a Prisma transaction, or a rawTransaction. */
export type TSqlRunner = Db | Tx | TRawTransaction;

/**
 * `INSERT INTO <into> VALUES <rows>`, 200 rows a statement (at most 5 parameters a row stays
 * under SQLite's oldest bound-parameter limit, 999); nothing for no rows.
 */
export async function insertRows(tx: TSqlRunner, into: Prisma.Sql, rows: Prisma.Sql[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await executeSql(tx, Prisma.sql`INSERT INTO ${into} VALUES ${Prisma.join(rows.slice(i, i + 200))}`);
  }
}

const statement = (sql: string): TSqlQuery => ({ sql, args: [], argTypes: [] });

/**
 * An interactive transaction made of raw statements only, opened and ended on the driver
 * adapter as Prisma's client does it (its BEGIN, then COMMIT or ROLLBACK) but without the client's
 * transaction runtime, about 0.5 ms of CPU per transaction here plus its per-statement cost. On
 * SQLite it takes the same one-writer lock as every other transaction (sqlite-isolation.ts).
 * Everything `fn` runs must go through queryRows/executeSql with the transaction it is given.
 */
export async function rawTransaction<T>(db: object, fn: (tx: TRawTransaction) => Promise<T>): Promise<T> {
  const raw = rawSqlOf(db);
  if (!raw) throw new Error("rawTransaction: pass a client made by createDb");
  if (!raw.adapter) await raw.connect();
  if (!raw.adapter) throw new Error("the database client is not connected");
  const transaction = await raw.adapter.startTransaction();
  const tx = { rawTransaction: true } as const;
  const inTx: TRawSql = { ...raw, adapter: transaction as unknown as TAdapter, connect: async () => {} };
  attachRawSql(tx, inTx);
  const send = (sql: "COMMIT" | "ROLLBACK") => run(inTx, statement(sql), (adapter, q) => adapter.executeRaw(q));
  try {
    const result = await fn(tx);
    await send("COMMIT");
    await transaction.commit();
    return result;
  } catch (error) {
    // After a failed statement or a failed COMMIT alike: the connection must not stay in a transaction.
    await send("ROLLBACK").catch(() => {});
    await transaction.rollback();
    throw error;
  } finally {
    inTx.adapter = null; // a statement sent after the end fails instead of running outside the transaction
  }
}

/**
 * Wraps a driver adapter factory so the adapter the client connects is kept in `raw.adapter`
 * until the client disposes of it.
 */
export function rememberAdapter<F extends { connect(): Promise<TAdapter> }>(factory: F, raw: TRawSql): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = () => {
      if (raw.adapter === adapter) raw.adapter = null;
      return dispose();
    };
    raw.adapter = adapter;
    return adapter;
  };
  return factory;
}

/**
 * `$queryRaw` with the same rows (bigint, Date, boolean, parsed JSON as Prisma's client gives
 * them) for a statement outside a transaction, sent straight to the driver adapter Prisma's client
 * itself uses (so SQLite's isolation and statement cache apply) without the client's per-statement
 * runtime, which costs about 0.1 ms of CPU per statement here. A transaction client (no raw SQL
 * attached) runs it through Prisma, inside its transaction.
 */
export async function queryRows<T>(db: TSqlRunner, query: Prisma.Sql): Promise<T[]> {
  const raw = rawSqlOf(db);
  if (!raw) return (db as TPrismaRaw).$queryRaw<T[]>(query);
  const result = await run(raw, toQuery(raw, query), (adapter, q) => adapter.queryRaw(q));
  return toRows(result) as T[];
}

/** `$executeRaw` the same way: the number of rows changed. */
export async function executeSql(db: TSqlRunner, query: Prisma.Sql): Promise<number> {
  const raw = rawSqlOf(db);
  if (!raw) return (db as TPrismaRaw).$executeRaw(query);
  return run(raw, toQuery(raw, query), (adapter, q) => adapter.executeRaw(q));
}

const toQuery = (raw: TRawSql, query: Prisma.Sql): TSqlQuery => ({
  sql: raw.placeholders === "?" ? query.sql : query.text,
  args: query.values,
  argTypes: query.values.map(argTypeOf),
});

async function run<R>(raw: TRawSql, q: TSqlQuery, send: (adapter: TQueryable, q: TSqlQuery) => Promise<R>): Promise<R> {
  if (!raw.adapter) await raw.connect();
  const adapter = raw.adapter;
  if (!adapter) throw new Error("the database client is not connected, or the transaction has ended");
  const started = raw.onQuery ? performance.now() : 0;
  try {
    return await send(adapter, q);
  } catch (error) {
    throw asClientError(error);
  } finally {
    raw.onQuery?.({ query: q.sql, params: "[]", duration: performance.now() - started });
  }
}

// As Prisma's client types the parameters of a raw query (deserializeRawParameters).
function argTypeOf(value: unknown): TArgType {
  const scalarType =
    value instanceof Date
      ? "datetime"
      : typeof value === "bigint"
        ? "bigint"
        : typeof value === "number"
          ? "decimal"
          : typeof value === "string"
            ? "string"
            : "unknown";
  return { scalarType, arity: "scalar" };
}

// ColumnTypeEnum of @prisma/driver-adapter-utils (the adapters' wire contract).
const INT32 = 0;
const INT64 = 1;
const BOOLEAN = 5;
const DATE = 8;
const DATETIME = 10;
const JSON_TYPE = 11;
const BYTES = 13;

/** The rows as Prisma's client returns them for $queryRaw (serializeRawValue, then deserializeRawResult). */
function toRows(result: TResultSet): Record<string, unknown>[] {
  const { columnNames, columnTypes, rows } = result;
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < columnNames.length; i++) out[columnNames[i]!] = toValue(row[i], columnTypes[i]!);
    return out;
  });
}

function toValue(value: unknown, type: number): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case INT32:
      return Math.trunc(Number(value));
    case INT64:
      return typeof value === "bigint" ? value : BigInt(typeof value === "number" ? Math.trunc(value) : (value as string));
    case BOOLEAN:
      return typeof value === "boolean" ? value : typeof value === "number" ? value === 1 : value === "true" || value === "1";
    case DATE:
    case DATETIME:
      return new Date(value as string);
    case JSON_TYPE:
      return typeof value === "string" ? JSON.parse(value) : value;
    case BYTES:
      return new Uint8Array(value as ArrayBuffer);
    default:
      return value;
  }
}

/** A unique violation keeps Prisma's code, so isUniqueViolation reads both paths alike. */
function asClientError(error: unknown): unknown {
  type TCause = { kind?: string; originalMessage?: string; message?: string; table?: string };
  const cause = (error as { name?: string; cause?: TCause })?.cause;
  if ((error as { name?: string })?.name !== "DriverAdapterError" || !cause || typeof cause !== "object") return error;
  const code = cause.kind === "UniqueConstraintViolation" ? "P2002" : "P2010";
  const detail = cause.originalMessage ?? cause.message ?? (cause.table ? `${cause.kind}: ${cause.table}` : cause.kind);
  return Object.assign(new Error(`Raw query failed: ${detail}`), { code, meta: { driverAdapterError: cause } });
}
