import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, isUniqueViolation, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { executeSql, queryRows, rawTransaction } from "@/lib/db/raw-sql";
import { migrateDatabase } from "@/lib/db/migrate";
import { createTestDatabase, type TTestDatabase } from "../support/test-database";

const insert = (id: string, action = "probe.raw") =>
  Prisma.sql`INSERT INTO "AuditEvent" ("id", "createdAt", "actorName", "action", "version", "details")
    VALUES (${id}, ${new Date("2026-03-04T05:06:07.089Z")}, ${"probe"}, ${action}, ${7}, ${"{}"})`;
const probeIds = async (db: Db) =>
  (await db.auditEvent.findMany({ where: { action: "probe.raw" }, orderBy: { id: "asc" } })).map((e) => e.id);

/**
 * The raw SQL path (lib/db/raw-sql.ts) skips Prisma's client but must give what it gives: the
 * same rows and types, the same unique-violation code, and transactions that commit or roll back
 * as a whole, on both databases.
 */
describe("raw SQL beside Prisma's client", () => {
  let dir: string;
  let database: TTestDatabase;
  let db: Db;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "stowage-raw-sql-"));
    database = await createTestDatabase(dir);
    await migrateDatabase(database.url);
    db = createDb(database.url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("returns the rows $queryRaw returns, value for value and type for type", async () => {
    await executeSql(db, insert("r-types"));
    await db.namespace.create({ data: { id: "ns-raw", name: "custom:raw", kind: "custom", quotaBytes: 12_345_678_901_234n } });
    const query = Prisma.sql`SELECT n."id", n."quotaBytes", n."usedBytes", n."retentionDays", n."createdAt", e."version", e."createdAt" AS "at",
        i."isAdmin", COUNT(*) AS "n"
      FROM "Namespace" n CROSS JOIN "AuditEvent" e LEFT JOIN "Identity" i ON i."id" = e."actorId"
      WHERE n."id" = ${"ns-raw"} AND e."id" = ${"r-types"} GROUP BY n."id", e."id", i."id"`;
    const viaPrisma = await db.$queryRaw<Record<string, unknown>[]>(query);
    const direct = await queryRows<Record<string, unknown>>(db, query);
    expect(direct).toEqual(viaPrisma);
    expect(direct[0]).toMatchObject({
      quotaBytes: 12_345_678_901_234n,
      usedBytes: 0n,
      version: 7,
      at: new Date("2026-03-04T05:06:07.089Z"),
    });
    expect(direct[0]!.createdAt).toBeInstanceOf(Date);
  });

  it("reports a unique violation with Prisma's code", async () => {
    await executeSql(db, insert("r-dup"));
    const error = await executeSql(db, insert("r-dup")).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
  });

  it("commits a raw transaction as a whole, and rolls it back as a whole", async () => {
    await rawTransaction(db, async (tx) => {
      await executeSql(tx, insert("t-commit-1"));
      await executeSql(tx, insert("t-commit-2"));
    });
    const failed = await rawTransaction(db, async (tx) => {
      await executeSql(tx, insert("t-rollback-1"));
      expect(await queryRows(tx, Prisma.sql`SELECT "id" FROM "AuditEvent" WHERE "id" = ${"t-rollback-1"}`)).toHaveLength(1);
      await executeSql(tx, insert("t-commit-1")); // a unique violation: everything in the transaction goes
    }).catch((e: unknown) => e);
    expect(isUniqueViolation(failed)).toBe(true);
    const thrown = await rawTransaction(db, async (tx) => {
      await executeSql(tx, insert("t-rollback-2"));
      throw new Error("on purpose");
    }).catch((e: Error) => e.message);
    expect(thrown).toBe("on purpose");
    const ids = await probeIds(db);
    expect(ids).toEqual(expect.arrayContaining(["t-commit-1", "t-commit-2"]));
    expect(ids).not.toContain("t-rollback-1");
    expect(ids).not.toContain("t-rollback-2");
    // The connection is not left inside a transaction: a write after the rollback stays.
    await executeSql(db, insert("t-after"));
    expect(await probeIds(db)).toContain("t-after");
  });

  it("refuses a statement sent after its transaction ended", async () => {
    let kept!: object;
    await rawTransaction(db, async (tx) => {
      kept = tx;
    });
    await expect(executeSql(kept as never, insert("t-late"))).rejects.toThrow(/ended/);
    expect(await probeIds(db)).not.toContain("t-late");
  });

  it("does not take the shortcut out of a Prisma transaction", async () => {
    await db
      .$transaction(async (tx) => {
        await executeSql(tx, insert("p-inside"));
        throw new Error("on purpose");
      })
      .catch(() => {});
    expect(await probeIds(db)).not.toContain("p-inside");
  });

  it("keeps a raw transaction's rows from other readers until it commits", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const ready = new Promise<void>((resolve) => (inserted = resolve));
    const done = rawTransaction(db, async (tx) => {
      await executeSql(tx, insert("t-held"));
      inserted();
      await held;
    });
    await ready;
    try {
      expect(await queryRows(db, Prisma.sql`SELECT "id" FROM "AuditEvent" WHERE "id" = ${"t-held"}`)).toHaveLength(0);
    } finally {
      release();
    }
    await done;
    expect(await queryRows(db, Prisma.sql`SELECT "id" FROM "AuditEvent" WHERE "id" = ${"t-held"}`)).toHaveLength(1);
  });
});
