import "server-only";
import type { Tx } from "../db/client.ts";

/**
 * Moves a namespace's stored-bytes counter, in the caller's transaction: + when a version
 * commits, − when version rows are deleted (by a user, the expiry sweep or retention). The
 * counter always equals the sum of the namespace's version sizes (reconcileUsage checks it).
 */
export async function addUsage(tx: Tx, namespaceId: string, deltaBytes: bigint | number): Promise<void> {
  const delta = BigInt(deltaBytes);
  if (delta === 0n) return;
  await tx.namespace.update({ where: { id: namespaceId }, data: { usedBytes: { increment: delta } } });
}
