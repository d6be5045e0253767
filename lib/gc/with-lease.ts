import "server-only";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { isUniqueViolation, type Db, type Tx } from "../db/client.ts";
import { StowageError } from "../errors.ts";

export type TLease = {
  readonly name: string;
  /** Who holds it: host, process id and a random part, so each acquisition is its own holder. */
  readonly holder: string;
  /** Throws once a renewal found the lease taken by another holder. */
  assertHeld(): void;
  /**
   * For the first statement of a transaction that may only commit under the lease: extends it,
   * or throws (rolling the transaction back) if another holder has it. On PostgreSQL it also
   * locks the lease row until the commit; on SQLite it takes the write lock up front.
   */
  fence(tx: Tx): Promise<void>;
};

/** Renewed every third of it, so a sweep keeps the lease however long it runs. */
const DEFAULT_TTL_MS = 60_000;

const leaseLost = (name: string) =>
  new StowageError("INTERNAL_ERROR", `the "${name}" lease was taken by another instance; stopping`, { lease: name });

/**
 * Runs `fn` holding the named lease, so no other process (app instance, CLI) runs it at the same
 * time; returns null without running it when someone else holds the lease. The lease is a Lease
 * row: taken by inserting it, or by a conditional update once its holder let it expire (a
 * crashed process); both are single statements, so on SQLite and PostgreSQL alike exactly one
 * contender wins. It is renewed while `fn` runs and deleted afterwards.
 */
export async function withLease<T>(
  db: Db,
  name: string,
  fn: (lease: TLease) => Promise<T>,
  options: { ttlMs?: number } = {},
): Promise<T | null> {
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const holder = `${os.hostname()}/${process.pid}/${randomBytes(6).toString("hex")}`;
  const expiry = () => new Date(Date.now() + ttlMs);
  if (!(await acquire(db, name, holder, expiry()))) return null;

  let lost = false;
  const renewal = setInterval(
    () => {
      db.lease
        .updateMany({ where: { name, holder }, data: { expiresAt: expiry() } })
        .then((renewed) => {
          if (renewed.count === 0) lost = true;
        })
        // A database hiccup: the next renewal, or the next fence, decides.
        .catch(() => undefined);
    },
    Math.max(50, ttlMs / 3),
  );
  renewal.unref();

  const lease: TLease = {
    name,
    holder,
    assertHeld() {
      if (lost) throw leaseLost(name);
    },
    async fence(tx) {
      const held = await tx.lease.updateMany({ where: { name, holder }, data: { expiresAt: expiry() } });
      if (held.count === 0) {
        lost = true;
        throw leaseLost(name);
      }
    },
  };
  try {
    return await fn(lease);
  } finally {
    clearInterval(renewal);
    // If this fails the lease simply expires.
    await db.lease.deleteMany({ where: { name, holder } }).catch(() => undefined);
  }
}

async function acquire(db: Db, name: string, holder: string, expiresAt: Date): Promise<boolean> {
  const taken = await db.lease.updateMany({ where: { name, expiresAt: { lte: new Date() } }, data: { holder, expiresAt } });
  if (taken.count > 0) return true;
  try {
    await db.lease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
