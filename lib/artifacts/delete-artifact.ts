import "server-only";
import type { Db } from "../db/client.ts";
import { notFound } from "../errors.ts";
import type { TPrincipal } from "../access/principal.ts";
import { getBlobStore } from "../storage/get-blob-store.ts";
import { findArtifactOrThrow } from "./find-artifact-or-throw.ts";
import { replaceMetadataEntries } from "./replace-metadata-entries.ts";

export type TBlobRef = { backend: string; storageKey: string };

/**
 * Rows go first, then bytes: a crash in between leaves an unreferenced blob (reclaimed by the
 * orphan sweep), never a version pointing at nothing.
 */
export async function deleteBlobs(blobs: TBlobRef[]): Promise<void> {
  await Promise.all(blobs.map((b) => getBlobStore(b.backend).delete(b.storageKey).catch(() => undefined)));
}

/** Deletes the artifact and all of its versions (owner or admin). */
export async function deleteArtifact(db: Db, principal: TPrincipal, id: string): Promise<void> {
  await findArtifactOrThrow(db, principal, id, "delete");
  const blobs = await db.$transaction(async (tx) => {
    const versions = await tx.artifactVersion.findMany({ where: { artifactId: id }, select: { backend: true, storageKey: true } });
    await tx.artifact.delete({ where: { id } });
    return versions;
  });
  await deleteBlobs(blobs);
}

/** Deletes one version; deleting the last one deletes the artifact. Numbers are never reused. */
export async function deleteVersion(db: Db, principal: TPrincipal, id: string, version: number): Promise<void> {
  await findArtifactOrThrow(db, principal, id, "delete");
  const blob = await db.$transaction(async (tx) => {
    const row = await tx.artifactVersion.findUnique({ where: { artifactId_version: { artifactId: id, version } } });
    if (!row) throw notFound("version");
    await tx.artifactVersion.delete({ where: { id: row.id } });
    const newest = await tx.artifactVersion.findFirst({ where: { artifactId: id }, orderBy: { version: "desc" } });
    if (!newest) {
      await tx.artifact.delete({ where: { id } });
    } else if (newest.version < version) {
      // The latest version went: the one before it becomes latest, metadata index included.
      await tx.artifact.update({ where: { id }, data: { latestVersion: newest.version } });
      await replaceMetadataEntries(tx, id, JSON.parse(newest.customMetadata) as Record<string, unknown>);
    }
    return row;
  });
  await deleteBlobs([blob]);
}
