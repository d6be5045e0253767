import "server-only";
import type { TConfig } from "../config.ts";
import type { Db } from "../db/client.ts";
import { retainUntilFor } from "./retain-until.ts";

/**
 * Sets retainUntil = updatedAt + the namespace's retention on each of its artifacts, `batchSize`
 * per transaction. An artifact updated meanwhile is skipped: its commit already wrote the new
 * value. Returns how many changed.
 */
export async function recomputeRetainUntil(
  db: Db,
  namespace: { id: string; retentionDays: number | null },
  config: Pick<TConfig, "retentionDays">,
  batchSize = 500,
): Promise<number> {
  let changed = 0;
  for (let after: string | undefined; ;) {
    const rows = await db.artifact.findMany({
      where: { namespaceId: namespace.id, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, updatedAt: true, retainUntil: true },
    });
    const updates = rows
      .map((row) => ({ ...row, next: retainUntilFor(namespace, row.updatedAt, config) }))
      .filter((row) => row.next?.getTime() !== row.retainUntil?.getTime());
    if (updates.length) {
      changed += await db.$transaction(async (tx) => {
        let n = 0;
        for (const u of updates)
          n += (await tx.artifact.updateMany({ where: { id: u.id, updatedAt: u.updatedAt }, data: { retainUntil: u.next } })).count;
        return n;
      });
    }
    if (rows.length < batchSize) return changed;
    after = rows[rows.length - 1]!.id;
  }
}
