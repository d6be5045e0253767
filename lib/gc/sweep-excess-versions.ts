import "server-only";
import type { Db } from "../db/client.ts";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { executeSql } from "../db/raw-sql.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";
import { selectExcessVersions, type TExcessVersion } from "../retention/excess-versions.ts";
import { lockArtifactRow } from "./delete-artifact-rows.ts";
import { releaseVersions } from "./release-versions.ts";
import type { TLease } from "./with-lease.ts";

export type TExcessSweep = { versions: number; bytes: bigint };

/**
 * Applies every namespace's keep-last-N rule, `batchSize` versions at a time. Each batch is one
 * transaction under the lease: per artifact, the row lock first, then the same selection the
 * preview shows run again for the batch's versions (a publish, an alias protected, a raised
 * keepVersions may have changed the answer), then the rows deleted as deleteVersion does, their
 * space given back and their bytes queued in the outbox (processPendingDeletes works it off).
 * The latest version is never among them, so the artifact and its metadata index stay as they are.
 */
export async function sweepExcessVersions(db: Db, lease: TLease, options: { now?: Date; batchSize?: number } = {}): Promise<TExcessSweep> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 100;
  const total: TExcessSweep = { versions: 0, bytes: 0n };
  const namespaces = await db.namespace.findMany({
    where: { keepVersions: { not: null } },
    orderBy: { id: "asc" },
    select: { id: true, name: true, keepVersions: true },
  });
  for (const ns of namespaces) {
    for (let after: TExcessVersion | undefined; ;) {
      lease.assertHeld();
      const batch = await selectExcessVersions(db, ns, { now, after, limit: batchSize });
      if (!batch.length) break;
      const removed = await db.$transaction(async (tx) => {
        await lease.fence(tx);
        // The rule as it is now: an admin may have changed it since the batch was read.
        const rule = await tx.namespace.findUnique({ where: { id: ns.id }, select: { id: true, keepVersions: true } });
        if (!rule) return [];
        const gone: TExcessVersion[] = [];
        for (const [artifactId, versions] of groupByArtifact(batch)) {
          if (!(await lockArtifactRow(tx, artifactId))) continue;
          const still = await selectExcessVersions(tx, rule, { now, versionIds: versions.map((v) => v.versionId) });
          if (!still.length) continue;
          // Unprotected aliases of these versions go with them (the foreign key cascades).
          await executeSql(tx, Prisma.sql`DELETE FROM "ArtifactVersion" WHERE "id" IN (${Prisma.join(still.map((v) => v.versionId))})`);
          await releaseVersions(
            tx,
            still.map((v) => ({ namespaceId: ns.id, backend: v.backend, storageKey: v.storageKey, sizeBytes: v.sizeBytes })),
          );
          gone.push(...still);
        }
        return gone;
      });
      for (const v of removed) {
        await recordAuditEvent(db, {
          actor: null,
          actorName: "system",
          action: "version.expire",
          namespace: ns.name,
          artifactId: v.artifactId,
          version: v.version,
          details: { name: v.name, sizeBytes: v.sizeBytes, sha256: v.sha256, rule: "keepVersions" },
        });
        total.versions++;
        total.bytes += v.sizeBytes;
      }
      if (batch.length < batchSize) break;
      after = batch[batch.length - 1];
    }
  }
  return total;
}

function groupByArtifact(versions: TExcessVersion[]): Map<string, TExcessVersion[]> {
  const groups = new Map<string, TExcessVersion[]>();
  for (const v of versions) groups.set(v.artifactId, [...(groups.get(v.artifactId) ?? []), v]);
  return groups;
}
