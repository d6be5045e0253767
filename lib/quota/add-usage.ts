import "server-only";
import type { Tx } from "../db/client.ts";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { utcDay } from "./utc-day.ts";

/**
 * Moves a namespace's stored-bytes counter, in the caller's transaction: + when a version
 * commits, − when version rows are deleted (by a user, the expiry sweep or retention). The
 * counter always equals the sum of the namespace's version sizes (reconcileUsage checks it).
 * Today's usage sample (the dashboard's chart) is written in the same transaction, after the
 * increment has taken the namespace's row lock, so it is always the day's latest value.
 *
 * With `quota`, the increment happens only if used + held + delta stays within it: the check and
 * the charge are one conditional UPDATE, so parallel commits can never together pass the quota.
 * Returns false (and changes nothing) when it would not fit.
 */
export async function addUsage(
  tx: Tx,
  namespaceId: string,
  deltaBytes: bigint | number,
  now = new Date(),
  options: { quota?: bigint } = {},
): Promise<boolean> {
  const delta = BigInt(deltaBytes);
  if (delta === 0n) return true;
  const within = options.quota === undefined ? Prisma.empty : Prisma.sql`AND "usedBytes" + "reservedBytes" + ${delta} <= ${options.quota}`;
  const rows = await tx.$queryRaw<{ usedBytes: bigint }[]>`
    UPDATE "Namespace" SET "usedBytes" = "usedBytes" + ${delta} WHERE "id" = ${namespaceId} ${within} RETURNING "usedBytes"`;
  if (!rows[0]) return false;
  const usedBytes = BigInt(rows[0].usedBytes);
  const day = utcDay(now);
  await tx.usageSample.upsert({
    where: { namespaceId_day: { namespaceId, day } },
    create: { namespaceId, day, usedBytes },
    update: { usedBytes },
  });
  return true;
}
