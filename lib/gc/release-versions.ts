import "server-only";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { insertRows, type TSqlRunner } from "../db/raw-sql.ts";
import { newId } from "../ids.ts";
import { addUsage } from "../quota/add-usage.ts";

export type TReleasedVersion = { namespaceId: string; backend: string; storageKey: string; sizeBytes: bigint };

/**
 * For version rows deleted in the caller's transaction: their bytes are queued in the outbox
 * (PendingBlobDelete) and their space goes back to the namespace, in that same transaction. So
 * whatever fails afterwards, no row points at missing bytes, no bytes are forgotten, and usage
 * never drifts. Returns the outbox ids, so the caller can delete the bytes right away.
 */
export async function releaseVersions(tx: TSqlRunner, versions: TReleasedVersion[]): Promise<string[]> {
  if (!versions.length) return [];
  const now = new Date();
  const queued = versions.map((v) => ({ id: newId(), backend: v.backend, storageKey: v.storageKey }));
  await insertRows(
    tx,
    Prisma.sql`"PendingBlobDelete" ("id", "backend", "storageKey", "createdAt", "attempts")`,
    queued.map((q) => Prisma.sql`(${q.id}, ${q.backend}, ${q.storageKey}, ${now}, 0)`),
  );
  const bytesByNamespace = new Map<string, bigint>();
  for (const v of versions) bytesByNamespace.set(v.namespaceId, (bytesByNamespace.get(v.namespaceId) ?? 0n) + v.sizeBytes);
  for (const [namespaceId, bytes] of bytesByNamespace) await addUsage(tx, namespaceId, -bytes);
  return queued.map((q) => q.id);
}
