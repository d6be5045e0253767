import "server-only";
import type { Tx } from "../db/client.ts";
import { utcDay } from "./utc-day.ts";

/**
 * Moves a namespace's stored-bytes counter, in the caller's transaction: + when a version
 * commits, − when version rows are deleted (by a user, the expiry sweep or retention). The
 * counter always equals the sum of the namespace's version sizes (reconcileUsage checks it).
 * Today's usage sample (the dashboard's chart) is written in the same transaction, after the
 * increment has taken the namespace's row lock, so it is always the day's latest value.
 */
export async function addUsage(tx: Tx, namespaceId: string, deltaBytes: bigint | number, now = new Date()): Promise<void> {
  const delta = BigInt(deltaBytes);
  if (delta === 0n) return;
  const { usedBytes } = await tx.namespace.update({
    where: { id: namespaceId },
    data: { usedBytes: { increment: delta } },
    select: { usedBytes: true },
  });
  const day = utcDay(now);
  await tx.usageSample.upsert({
    where: { namespaceId_day: { namespaceId, day } },
    create: { namespaceId, day, usedBytes },
    update: { usedBytes },
  });
}
