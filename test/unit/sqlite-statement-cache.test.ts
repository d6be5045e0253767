import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { Database } from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cacheStatements, STATEMENT_CACHE_SIZE } from "@/lib/db/sqlite-statement-cache";
import { StowageSqliteAdapterFactory } from "@/lib/db/sqlite-adapter";
import { createDb } from "@/lib/db/client";

type TAdapter = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const dbFile = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "stowage-stmt-cache-"));
  dirs.push(dir);
  return path.join(dir, "t.db");
};

const int = { scalarType: "int", arity: "scalar" } as const;
const text = { scalarType: "string", arity: "scalar" } as const;
const bytes = { scalarType: "bytes", arity: "scalar" } as const;
type TArg = typeof int | typeof text | typeof bytes;
const q = (sql: string, args: unknown[] = [], argTypes: TArg[] = []) => ({ sql, args, argTypes }) as Parameters<TAdapter["queryRaw"]>[0];

/** The adapter of 7.10 with a counter on the database's own `prepare`, then the cache in front. */
async function countingAdapter(): Promise<{ adapter: TAdapter; compiled: () => number }> {
  const adapter = await new PrismaBetterSqlite3({ url: `file:${dbFile()}` }).connect();
  const db = (adapter as unknown as { client: Database }).client;
  let compiled = 0;
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    compiled++;
    return prepare(sql);
  }) as Database["prepare"];
  cacheStatements(adapter);
  return { adapter, compiled: () => compiled };
}

describe("the SQLite statement cache", () => {
  it("compiles a statement once and binds each call's own arguments", async () => {
    const { adapter, compiled } = await countingAdapter();
    await adapter.executeScript("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, data BLOB)");
    const before = compiled();
    for (let i = 1; i <= 20; i++) {
      await adapter.executeRaw(q("INSERT INTO t (id, name, data) VALUES (?, ?, ?)", [i, `n${i}`, Buffer.from([i])], [int, text, bytes]));
    }
    expect(compiled() - before).toBe(1);
    for (const id of [3, 17, 3]) {
      const r = await adapter.queryRaw(q("SELECT id, name, data FROM t WHERE id = ?", [id], [int]));
      expect(r.columnNames).toEqual(["id", "name", "data"]);
      expect(r.rows).toEqual([[id, `n${id}`, Buffer.from([id])]]);
    }
    // A statement without arguments and one with them: each compiled once, results still exact.
    const none = await adapter.queryRaw(q("SELECT count(*) AS n FROM t"));
    const again = await adapter.queryRaw(q("SELECT count(*) AS n FROM t"));
    expect(none.rows.map((r) => r.map(String))).toEqual([["20"]]);
    expect(again.rows).toEqual(none.rows);
    expect(compiled() - before).toBe(3);
    await adapter.dispose();
  });

  it("keeps at most STATEMENT_CACHE_SIZE texts, dropping the least recently used", async () => {
    const { adapter, compiled } = await countingAdapter();
    await adapter.executeScript("CREATE TABLE t (id INTEGER PRIMARY KEY)");
    const sqlOf = (k: number) => `SELECT ${k} AS k FROM t WHERE id > ?`;
    const hot = sqlOf(-1);
    await adapter.queryRaw(q(hot, [0], [int]));
    const before = compiled();
    for (let k = 0; k < STATEMENT_CACHE_SIZE + 10; k++) {
      await adapter.queryRaw(q(sqlOf(k), [0], [int]));
      if (k % 50 === 0) await adapter.queryRaw(q(hot, [0], [int])); // used often: never the oldest
    }
    expect(compiled() - before).toBe(STATEMENT_CACHE_SIZE + 10);
    await adapter.queryRaw(q(hot, [0], [int]));
    await adapter.queryRaw(q(sqlOf(STATEMENT_CACHE_SIZE + 9), [0], [int]));
    expect(compiled() - before).toBe(STATEMENT_CACHE_SIZE + 10);
    await adapter.queryRaw(q(sqlOf(0), [0], [int])); // the oldest, evicted: compiled again
    expect(compiled() - before).toBe(STATEMENT_CACHE_SIZE + 11);
    await adapter.dispose();
  });

  it("leaves errors and transactions as the adapter makes them", async () => {
    const { adapter } = await countingAdapter();
    await adapter.executeScript("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
    const insert = (id: number, name: string) => adapter.executeRaw(q("INSERT INTO t (id, name) VALUES (?, ?)", [id, name], [int, text]));
    await insert(1, "a");
    await expect(insert(2, "a")).rejects.toMatchObject({ name: "DriverAdapterError", cause: { kind: "UniqueConstraintViolation" } });
    // A wrong number of arguments is the driver's error, as before, not a wrong row.
    await expect(adapter.executeRaw(q("INSERT INTO t (id, name) VALUES (?, ?)", [3], [int]))).rejects.toThrow();
    const tx = await adapter.startTransaction();
    await tx.executeRaw(q("INSERT INTO t (id, name) VALUES (?, ?)", [4, "d"], [int, text]));
    await tx.executeRaw(q("ROLLBACK"));
    await tx.rollback();
    const rows = await adapter.queryRaw(q("SELECT id FROM t ORDER BY id"));
    expect(rows.rows).toEqual([[1]]);
    await adapter.dispose();
  });

  it("starts transactions with the write lock, so another connection's commit cannot fail one that reads, then writes", async () => {
    const file = dbFile();
    const adapter = await new PrismaBetterSqlite3({ url: `file:${file}` }).connect();
    cacheStatements(adapter);
    await adapter.executeScript("PRAGMA journal_mode = WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
    // Another process, as the operator CLI is to the server: its own connection, a short busy timeout.
    const other = await new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 50 }).connect();
    const otherInsert = (id: number) => other.executeRaw(q("INSERT INTO t (id, name) VALUES (?, 'other')", [id], [int]));
    const tx = await adapter.startTransaction();
    await tx.queryRaw(q("SELECT count(*) AS n FROM t"));
    // With a deferred BEGIN this commit succeeds and the transaction's insert below fails with SQLITE_BUSY.
    await expect(otherInsert(1)).rejects.toMatchObject({ name: "DriverAdapterError" });
    await tx.executeRaw(q("INSERT INTO t (id, name) VALUES (?, ?)", [2, "tx"], [int, text]));
    await tx.executeRaw(q("COMMIT"));
    await tx.commit();
    await otherInsert(3);
    const rows = await adapter.queryRaw(q("SELECT id, name FROM t ORDER BY id"));
    expect(rows.rows).toEqual([
      [2, "tx"],
      [3, "other"],
    ]);
    await other.dispose();
    await adapter.dispose();
  });

  it("is what createDb uses for SQLite, through Prisma's client", async () => {
    const connect = vi.spyOn(StowageSqliteAdapterFactory.prototype, "connect");
    const db = createDb(`file:${dbFile()}`);
    try {
      await db.$executeRawUnsafe("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
      for (let i = 0; i < 5; i++) await db.$executeRaw`INSERT INTO t (id, name) VALUES (${i}, ${`n${i}`})`;
      const rows = await db.$queryRaw<{ id: number; name: string }[]>`SELECT id, name FROM t WHERE id >= ${3} ORDER BY id`;
      expect(rows.map((r) => [Number(r.id), r.name])).toEqual([
        [3, "n3"],
        [4, "n4"],
      ]);
      expect(connect).toHaveBeenCalledTimes(1);
    } finally {
      connect.mockRestore();
      await db.$disconnect();
    }
  });
});
