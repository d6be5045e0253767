import "server-only";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/sqlite/client.ts";
import { deleteArtifactRows } from "./delete-artifact-rows.ts";
import type { TLease } from "./with-lease.ts";

export type TExpiredSweep = { artifacts: number; versions: number; bytes: bigint };

/**
 * Removes artifacts whose expiresAt or retainUntil has passed, `batchSize` at a time. Each batch
 * is one transaction (under the lease) that deletes the rows, versions cascading, gives their
 * space back and queues their bytes in the outbox, which processPendingDeletes works off after.
 * Readers stopped seeing these artifacts when they expired; this reclaims what they held.
 */
export async function sweepExpired(db: Db, lease: TLease, options: { now?: Date; batchSize?: number } = {}): Promise<TExpiredSweep> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 100;
  const expired: Prisma.ArtifactWhereInput = { OR: [{ expiresAt: { lte: now } }, { retainUntil: { lte: now } }] };
  const total: TExpiredSweep = { artifacts: 0, versions: 0, bytes: 0n };
  for (let after: string | undefined; ; ) {
    lease.assertHeld();
    const batch = await db.artifact.findMany({
      where: { AND: [expired, after ? { id: { gt: after } } : {}] },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, namespaceId: true },
    });
    if (!batch.length) return total;
    const swept = await db.$transaction(async (tx) => {
      await lease.fence(tx);
      const counts: TExpiredSweep = { artifacts: 0, versions: 0, bytes: 0n };
      for (const artifact of batch) {
        // Re-checked under the row lock: a publish may have replaced it meanwhile.
        const gone = await deleteArtifactRows(tx, artifact, expired);
        if (!gone) continue;
        counts.artifacts++;
        counts.versions += gone.versions;
        counts.bytes += gone.bytes;
      }
      return counts;
    });
    total.artifacts += swept.artifacts;
    total.versions += swept.versions;
    total.bytes += swept.bytes;
    if (batch.length < batchSize) return total;
    after = batch[batch.length - 1]!.id;
  }
}
