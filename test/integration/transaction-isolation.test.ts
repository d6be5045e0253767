import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { useMigratedDatabase } from "../support/migrated-database";

/** Long enough for a statement issued now to have run, had it not waited. */
const pause = () => new Promise((resolve) => setTimeout(resolve, 200));

const event = (id: string) => ({ data: { id, actorName: "probe", action: "probe.isolation" } });
const idsIn = async (db: Db) =>
  (await db.auditEvent.findMany({ where: { action: "probe.isolation" }, orderBy: { id: "asc" } })).map((e) => e.id);

/**
 * Statements made outside a transaction while one is open, as concurrent requests make them:
 * on SQLite they once ran inside it (one shared connection), reading its uncommitted rows and
 * being undone with it.
 */
describe("statements outside an open transaction", () => {
  const scratch = useMigratedDatabase("stowage-isolation-");

  /** A transaction that inserts `id`, then holds until `release` is called, then commits or rolls back. */
  function openTransaction(id: string, outcome: "commit" | "rollback") {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const ready = new Promise<void>((resolve) => (inserted = resolve));
    const done = scratch.db
      .$transaction(async (tx) => {
        await tx.auditEvent.create(event(id));
        inserted();
        await held;
        if (outcome === "rollback") throw new Error("rolled back on purpose");
      })
      .then(
        () => "committed",
        (error: Error) => error.message,
      );
    return { ready, release, done };
  }

  it("keep a write made meanwhile when the transaction rolls back", async () => {
    const tx = openTransaction("a-rolled-back", "rollback");
    try {
      await tx.ready;
      const outside = scratch.db.auditEvent.create(event("a-outside"));
      await Promise.race([outside, pause()]);
      tx.release();
      expect(await tx.done).toBe("rolled back on purpose");
      await outside;
      expect(await idsIn(scratch.db)).toEqual(["a-outside"]);
    } finally {
      tx.release();
    }
  });

  it("read only committed rows, without waiting for the transaction to end", async () => {
    const tx = openTransaction("b-uncommitted", "commit");
    try {
      await tx.ready;
      // Answered while the transaction is still open, and without its row.
      expect(await idsIn(scratch.db)).toEqual(["a-outside"]);
      expect(await scratch.db.auditEvent.count({ where: { id: "b-uncommitted" } })).toBe(0);
      tx.release();
      expect(await tx.done).toBe("committed");
      expect(await idsIn(scratch.db)).toEqual(["a-outside", "b-uncommitted"]);
    } finally {
      tx.release();
    }
  });

  // PostgreSQL runs it on another connection at once (another row: no lock to wait for); SQLite's
  // one writer connection must not run it inside the open transaction, so it waits.
  it("apply a write made meanwhile, on SQLite once the transaction has ended", async () => {
    const tx = openTransaction("c-first", "commit");
    try {
      await tx.ready;
      let outsideDone = false;
      const outside = scratch.db.auditEvent.create(event("c-second")).then(() => (outsideDone = true));
      await Promise.race([outside, pause()]);
      if (scratch.database.kind === "sqlite") expect(outsideDone).toBe(false);
      tx.release();
      expect(await tx.done).toBe("committed");
      await outside;
      expect(await idsIn(scratch.db)).toEqual(["a-outside", "b-uncommitted", "c-first", "c-second"]);
    } finally {
      tx.release();
    }
  });

  it("report a statement SQLite cannot compile as the adapter does", async () => {
    await expect(scratch.db.$queryRawUnsafe("SELEC nothing")).rejects.toMatchObject({ name: "PrismaClientKnownRequestError" });
    await expect(scratch.db.$queryRawUnsafe("SELECT count(*) AS n FROM nowhere")).rejects.toMatchObject({
      name: "PrismaClientKnownRequestError",
    });
  });
});
