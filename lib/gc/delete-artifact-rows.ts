import "server-only";
import type { Tx } from "../db/client.ts";
import type { Prisma } from "../db/generated/sqlite/client.ts";
import { releaseVersions } from "./release-versions.ts";

/**
 * Locks the artifact row in the caller's transaction (the row lock on PostgreSQL, the write lock
 * on SQLite) with a no-op update, so deletes racing each other release each version once.
 * False when no row matches.
 */
export async function lockArtifactRow(tx: Tx, where: Prisma.ArtifactWhereInput): Promise<boolean> {
  return (await tx.artifact.updateMany({ where, data: { nextVersion: { increment: 0 } } })).count > 0;
}

export type TDeletedArtifact = { pendingIds: string[]; versions: number; bytes: bigint };

/**
 * Deletes an artifact in the caller's transaction (versions, tags, metadata, shares and links
 * cascade) if it still matches `condition`, and releases its versions (releaseVersions). The row
 * is locked before the versions are read, so a delete racing this one (a user's, the sweep's, a
 * publish replacing an expired artifact) releases each version once. Null when nothing matched.
 */
export async function deleteArtifactRows(
  tx: Tx,
  artifact: { id: string; namespaceId: string },
  condition: Prisma.ArtifactWhereInput = {},
): Promise<TDeletedArtifact | null> {
  if (!(await lockArtifactRow(tx, { AND: [{ id: artifact.id }, condition] }))) return null;
  const versions = await tx.artifactVersion.findMany({
    where: { artifactId: artifact.id },
    select: { backend: true, storageKey: true, sizeBytes: true },
  });
  await tx.artifact.delete({ where: { id: artifact.id } });
  const pendingIds = await releaseVersions(
    tx,
    versions.map((v) => ({ ...v, namespaceId: artifact.namespaceId })),
  );
  return { pendingIds, versions: versions.length, bytes: versions.reduce((sum, v) => sum + v.sizeBytes, 0n) };
}
