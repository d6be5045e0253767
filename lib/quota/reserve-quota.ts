import "server-only";
import { getConfig } from "../config.ts";
import type { Db } from "../db/client.ts";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { executeSql, queryRows, rawTransaction, type TSqlRunner } from "../db/raw-sql.ts";
import { StowageError } from "../errors.ts";
import { newId } from "../ids.ts";
import type { TPrincipal } from "../access/principal.ts";
import { quotaRefusals } from "../observability/stowage-metrics.ts";

export type TQuotaNamespace = { id: string; name: string; quotaBytes: bigint | null };

/** The namespace's override, else ARTIFACT_QUOTA_DEFAULT_MB. */
export const quotaOf = (ns: { quotaBytes: bigint | null }): bigint => ns.quotaBytes ?? BigInt(getConfig().quotaDefaultBytes);

/**
 * The check and the hold in one conditional UPDATE, so any number of parallel uploads can never
 * together pass the quota; `record` writes the reservation row in the same transaction. Admins
 * bypass the check, but what they hold still counts. On refusal: 409 with the numbers, where
 * `requestedBytes` is what the upload as a whole asks for.
 */
async function hold(
  db: Db,
  principal: TPrincipal,
  ns: TQuotaNamespace,
  bytes: bigint,
  requested: () => Promise<bigint>,
  record: (tx: TSqlRunner) => Promise<unknown>,
): Promise<void> {
  const quota = quotaOf(ns);
  const within = principal.isAdmin ? Prisma.empty : Prisma.sql`AND "usedBytes" + "reservedBytes" + ${bytes} <= ${quota}`;
  // Raw statements only: every upload of a known size takes this hold (db/raw-sql.ts).
  const held = await rawTransaction(db, async (tx) => {
    const updated = await executeSql(
      tx,
      Prisma.sql`UPDATE "Namespace" SET "reservedBytes" = "reservedBytes" + ${bytes} WHERE "id" = ${ns.id} ${within}`,
    );
    if (updated === 0) return false;
    await record(tx);
    return true;
  });
  if (held) return;
  throw await quotaExceeded(db, ns, await requested());
}

/**
 * The 409 for an upload that does not fit, with the namespace's numbers as they are now and
 * `requestedBytes`, what the upload as a whole asks for.
 */
export async function quotaExceeded(db: TSqlRunner, ns: TQuotaNamespace, wanted: bigint): Promise<StowageError> {
  const quota = quotaOf(ns);
  const [now] = await queryRows<{ usedBytes: bigint; reservedBytes: bigint }>(
    db,
    Prisma.sql`SELECT "usedBytes", "reservedBytes" FROM "Namespace" WHERE "id" = ${ns.id}`,
  );
  if (!now) throw new Error(`namespace ${ns.id} is gone`);
  quotaRefusals.inc();
  return new StowageError(
    "ARTIFACT_QUOTA_EXCEEDED",
    `this upload needs ${wanted} bytes but namespace ${ns.name} has ${quota - now.usedBytes - now.reservedBytes} of its ${quota} left`,
    {
      namespace: ns.name,
      usedBytes: Number(now.usedBytes),
      reservedBytes: Number(now.reservedBytes),
      quotaBytes: Number(quota),
      requestedBytes: Number(wanted),
    },
  );
}

/**
 * Holds `bytes` of the namespace's quota for an upload in flight. The QuotaReservation row lets
 * a reservation whose process died be reclaimed once it expires.
 */
export async function reserveQuota(
  db: Db,
  principal: TPrincipal,
  ns: TQuotaNamespace,
  bytes: bigint,
  options: { ttlMs: number; id?: string },
): Promise<{ id: string; bytes: bigint }> {
  const id = options.id ?? newId();
  await hold(
    db,
    principal,
    ns,
    bytes,
    async () => bytes,
    (tx) =>
      executeSql(
        tx,
        Prisma.sql`INSERT INTO "QuotaReservation" ("id", "namespaceId", "bytes", "createdAt", "expiresAt")
          VALUES (${id}, ${ns.id}, ${bytes}, ${new Date()}, ${new Date(Date.now() + options.ttlMs)})`,
      ),
  );
  return { id, bytes };
}

/** Adds to an existing reservation (a body of unknown length growing past what was held). */
export async function growReservation(
  db: Db,
  principal: TPrincipal,
  ns: TQuotaNamespace,
  reservationId: string,
  more: bigint,
): Promise<void> {
  const heldSoFar = async () => ((await db.quotaReservation.findUnique({ where: { id: reservationId } }))?.bytes ?? 0n) + more;
  await hold(db, principal, ns, more, heldSoFar, (tx) =>
    executeSql(tx, Prisma.sql`UPDATE "QuotaReservation" SET "bytes" = "bytes" + ${more} WHERE "id" = ${reservationId}`),
  );
}

/**
 * Ends a reservation: the held bytes go back (the version's own size is added to usedBytes by
 * the commit). Safe to call twice or for a reservation the sweep already reclaimed.
 */
export async function releaseReservation(tx: TSqlRunner, reservationId: string): Promise<void> {
  const [row] = await queryRows<{ namespaceId: string; bytes: bigint }>(
    tx,
    Prisma.sql`DELETE FROM "QuotaReservation" WHERE "id" = ${reservationId} RETURNING "namespaceId", "bytes"`,
  );
  if (row)
    await executeSql(
      tx,
      Prisma.sql`UPDATE "Namespace" SET "reservedBytes" = "reservedBytes" - ${BigInt(row.bytes)} WHERE "id" = ${row.namespaceId}`,
    );
}

/** releaseReservation in a transaction of its own (failure paths). */
export async function releaseReservationNow(db: Db, reservationId: string): Promise<void> {
  await db
    .$transaction((tx) => releaseReservation(tx, reservationId))
    .catch((error) => {
      // Left for the sweep to reclaim when it expires; the upload's own error matters more.
      console.error("Stowage: could not release a quota reservation", (error as Error).message);
    });
}

/** Reservations whose upload never ended (its process died): their bytes go back. */
export async function reclaimExpiredReservations(db: Db, now = new Date()): Promise<number> {
  const expired = await db.quotaReservation.findMany({ where: { expiresAt: { lt: now } }, take: 1000, select: { id: true } });
  for (const r of expired) await db.$transaction((tx) => releaseReservation(tx, r.id));
  return expired.length;
}
