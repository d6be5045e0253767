import { describe, expect, it } from "vitest";
import { isUniqueViolation, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { executeSql, queryRows, rawTransaction } from "@/lib/db/raw-sql";
import { useMigratedDatabase } from "../support/migrated-database";

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
  const scratch = useMigratedDatabase("stowage-raw-sql-");
  it("returns the rows $queryRaw returns, value for value and type for type", async () => {
    await executeSql(scratch.db, insert("r-types"));
    await scratch.db.namespace.create({ data: { id: "ns-raw", name: "custom:raw", kind: "custom", quotaBytes: 12_345_678_901_234n } });
    const query = Prisma.sql`SELECT n."id", n."quotaBytes", n."usedBytes", n."retentionDays", n."createdAt", e."version", e."createdAt" AS "at",
        i."isAdmin", COUNT(*) AS "n"
      FROM "Namespace" n CROSS JOIN "AuditEvent" e LEFT JOIN "Identity" i ON i."id" = e."actorId"
      WHERE n."id" = ${"ns-raw"} AND e."id" = ${"r-types"} GROUP BY n."id", e."id", i."id"`;
    const viaPrisma = await scratch.db.$queryRaw<Record<string, unknown>[]>(query);
    const direct = await queryRows<Record<string, unknown>>(scratch.db, query);
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
    await executeSql(scratch.db, insert("r-dup"));
    const error = await executeSql(scratch.db, insert("r-dup")).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
  });

  it("commits a raw transaction as a whole, and rolls it back as a whole", async () => {
    await rawTransaction(scratch.db, async (tx) => {
      await executeSql(tx, insert("t-commit-1"));
      await executeSql(tx, insert("t-commit-2"));
    });
    const failed = await rawTransaction(scratch.db, async (tx) => {
      await executeSql(tx, insert("t-rollback-1"));
      expect(await queryRows(tx, Prisma.sql`SELECT "id" FROM "AuditEvent" WHERE "id" = ${"t-rollback-1"}`)).toHaveLength(1);
      await executeSql(tx, insert("t-commit-1")); // a unique violation: everything in the transaction goes
    }).catch((e: unknown) => e);
    expect(isUniqueViolation(failed)).toBe(true);
    const thrown = await rawTransaction(scratch.db, async (tx) => {
      await executeSql(tx, insert("t-rollback-2"));
      throw new Error("on purpose");
    }).catch((e: Error) => e.message);
    expect(thrown).toBe("on purpose");
    const ids = await probeIds(scratch.db);
    expect(ids).toEqual(expect.arrayContaining(["t-commit-1", "t-commit-2"]));
    expect(ids).not.toContain("t-rollback-1");
    expect(ids).not.toContain("t-rollback-2");
    // The connection is not left inside a transaction: a write after the rollback stays.
    await executeSql(scratch.db, insert("t-after"));
    expect(await probeIds(scratch.db)).toContain("t-after");
  });

  it("refuses a statement sent after its transaction ended", async () => {
    let kept!: object;
    await rawTransaction(scratch.db, async (tx) => {
      kept = tx;
    });
    await expect(executeSql(kept as never, insert("t-late"))).rejects.toThrow(/ended/);
    expect(await probeIds(scratch.db)).not.toContain("t-late");
  });

  it("does not take the shortcut out of a Prisma transaction", async () => {
    await scratch.db
      .$transaction(async (tx) => {
        await executeSql(tx, insert("p-inside"));
        throw new Error("on purpose");
      })
      .catch(() => {});
    expect(await probeIds(scratch.db)).not.toContain("p-inside");
  });

  it("keeps a raw transaction's rows from other readers until it commits", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const ready = new Promise<void>((resolve) => (inserted = resolve));
    const done = rawTransaction(scratch.db, async (tx) => {
      await executeSql(tx, insert("t-held"));
      inserted();
      await held;
    });
    await ready;
    try {
      expect(await queryRows(scratch.db, Prisma.sql`SELECT "id" FROM "AuditEvent" WHERE "id" = ${"t-held"}`)).toHaveLength(0);
    } finally {
      release();
    }
    await done;
    expect(await queryRows(scratch.db, Prisma.sql`SELECT "id" FROM "AuditEvent" WHERE "id" = ${"t-held"}`)).toHaveLength(1);
  });
});
