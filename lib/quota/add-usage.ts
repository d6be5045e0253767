import "server-only";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { executeSql, queryRows, type TSqlRunner } from "../db/raw-sql.ts";
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
  tx: TSqlRunner,
  namespaceId: string,
  deltaBytes: bigint | number,
  now = new Date(),
  options: { quota?: bigint } = {},
): Promise<boolean> {
  const delta = BigInt(deltaBytes);
  if (delta === 0n) return true;
  const within = options.quota === undefined ? Prisma.empty : Prisma.sql`AND "usedBytes" + "reservedBytes" + ${delta} <= ${options.quota}`;
  const rows = await queryRows<{ usedBytes: bigint }>(
    tx,
    Prisma.sql`UPDATE "Namespace" SET "usedBytes" = "usedBytes" + ${delta} WHERE "id" = ${namespaceId} ${within} RETURNING "usedBytes"`,
  );
  if (!rows[0]) return false;
  const usedBytes = BigInt(rows[0].usedBytes);
  await executeSql(
    tx,
    Prisma.sql`INSERT INTO "UsageSample" ("namespaceId", "day", "usedBytes") VALUES (${namespaceId}, ${utcDay(now)}, ${usedBytes})
      ON CONFLICT ("namespaceId", "day") DO UPDATE SET "usedBytes" = excluded."usedBytes"`,
  );
  return true;
}
