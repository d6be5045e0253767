import "server-only";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/sqlite/client.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";
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
  // A protected alias keeps its artifact past both.
  const expired: Prisma.ArtifactWhereInput = {
    OR: [{ expiresAt: { lte: now } }, { retainUntil: { lte: now } }],
    protectedAliases: 0,
  };
  const total: TExpiredSweep = { artifacts: 0, versions: 0, bytes: 0n };
  for (let after: string | undefined; ;) {
    lease.assertHeld();
    const batch = await db.artifact.findMany({
      where: { AND: [expired, after ? { id: { gt: after } } : {}] },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, namespaceId: true, name: true, namespace: { select: { name: true } } },
    });
    if (!batch.length) return total;
    const swept = await db.$transaction(async (tx) => {
      await lease.fence(tx);
      const counts: TExpiredSweep & { removed: typeof batch } = { artifacts: 0, versions: 0, bytes: 0n, removed: [] };
      for (const artifact of batch) {
        // Re-checked under the row lock: a publish may have replaced it meanwhile.
        const gone = await deleteArtifactRows(tx, artifact, { expiredAt: now });
        if (!gone) continue;
        counts.removed.push(artifact);
        counts.artifacts++;
        counts.versions += gone.versions;
        counts.bytes += gone.bytes;
      }
      return counts;
    });
    for (const a of swept.removed) {
      await recordAuditEvent(db, {
        actor: null,
        actorName: "system",
        action: "artifact.expire",
        namespace: a.namespace.name,
        artifactId: a.id,
        details: { name: a.name },
      });
    }
    total.artifacts += swept.artifacts;
    total.versions += swept.versions;
    total.bytes += swept.bytes;
    if (batch.length < batchSize) return total;
    after = batch[batch.length - 1]!.id;
  }
}
