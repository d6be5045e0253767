import "server-only";
import type { Db } from "../db/client.ts";
import { notFound } from "../errors.ts";
import type { TPrincipal } from "../access/principal.ts";
import { deleteArtifactRows, lockArtifactRow } from "../gc/delete-artifact-rows.ts";
import { deleteQueuedBlobs } from "../gc/delete-queued-blobs.ts";
import { releaseVersions } from "../gc/release-versions.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";
import { assertNotProtected } from "../aliases/protected-aliases.ts";
import { findArtifactOrThrow } from "./find-artifact-or-throw.ts";
import { replaceMetadataEntries } from "./replace-metadata-entries.ts";

// Rows go first, with the space they held and their bytes queued in the outbox in the same
// transaction; the bytes are deleted right after, and whatever fails the sweep retries. Never a
// version pointing at nothing, never bytes nothing remembers.

/** Deletes the artifact and all of its versions (owner or admin), unless a protected alias holds one. */
export async function deleteArtifact(db: Db, principal: TPrincipal, id: string): Promise<void> {
  const artifact = await findArtifactOrThrow(db, principal, id, "delete");
  const deleted = await db.$transaction(async (tx) => {
    await lockArtifactRow(tx, id);
    await assertNotProtected(tx, id);
    return deleteArtifactRows(tx, artifact);
  });
  // Someone else deleted it meanwhile.
  if (!deleted) throw notFound();
  await recordAuditEvent(db, {
    actor: principal,
    action: "artifact.delete",
    namespace: artifact.namespace.name,
    artifactId: id,
    details: { name: artifact.name, versions: deleted.versions },
  });
  await deleteQueuedBlobs(db, deleted.pendingIds);
}

/** Deletes one version, unless a protected alias points at it; deleting the last one deletes the artifact. Numbers are never reused. */
export async function deleteVersion(db: Db, principal: TPrincipal, id: string, version: number): Promise<void> {
  const artifact = await findArtifactOrThrow(db, principal, id, "delete");
  const { row: blob, pendingIds } = await db.$transaction(async (tx) => {
    // A concurrent delete of this version or of the artifact waits for this one.
    await lockArtifactRow(tx, id);
    const row = await tx.artifactVersion.findUnique({ where: { artifactId_version: { artifactId: id, version } } });
    if (!row) throw notFound("version");
    await assertNotProtected(tx, id, row.id);
    await tx.artifactVersion.delete({ where: { id: row.id } });
    const newest = await tx.artifactVersion.findFirst({ where: { artifactId: id }, orderBy: { version: "desc" } });
    if (!newest) {
      await tx.artifact.delete({ where: { id } });
    } else if (newest.version < version) {
      // The latest version went: the one before it becomes latest, metadata index included.
      await tx.artifact.update({ where: { id }, data: { latestVersion: newest.version } });
      await replaceMetadataEntries(tx, id, JSON.parse(newest.customMetadata) as Record<string, unknown>);
    }
    return { row, pendingIds: await releaseVersions(tx, [{ ...row, namespaceId: artifact.namespaceId }]) };
  });
  await recordAuditEvent(db, {
    actor: principal,
    action: "version.delete",
    namespace: artifact.namespace.name,
    artifactId: id,
    version,
    details: { name: artifact.name, sizeBytes: blob.sizeBytes, sha256: blob.sha256 },
  });
  await deleteQueuedBlobs(db, pendingIds);
}
