import "server-only";
import type { Tx } from "../db/client.ts";
import { StowageError } from "../errors.ts";
import { newId } from "../ids.ts";
import type { TPrincipal } from "../access/principal.ts";
import { ARTIFACT_INCLUDE, VERSION_INCLUDE, toArtifactDto, toVersionDto } from "./serialize.ts";
import { replaceMetadataEntries } from "./replace-metadata-entries.ts";
import { replaceTags } from "./replace-tags.ts";
import { isLive } from "./find-artifact-or-throw.ts";
import type { TPrepared, TPublishInput, TPublishResult } from "./publish-input.ts";
import { resolveSessionAndRun } from "./resolve-session-and-run.ts";
import { addUsage } from "../quota/add-usage.ts";
import { releaseReservation } from "../quota/reserve-quota.ts";
import { deleteArtifactRows } from "../gc/delete-artifact-rows.ts";
import { retainUntilFor } from "../retention/retain-until.ts";

const preconditionFailed = (message: string, latestVersion: number | null) =>
  new StowageError("ARTIFACT_VERSION_CONFLICT", message, { latestVersion }, 412);

export function checkPreconditions(input: Pick<TPublishInput, "ifMatch" | "ifNoneMatch">, latestVersion: number | null): void {
  if (input.ifNoneMatch && latestVersion !== null) {
    throw preconditionFailed(`If-None-Match: * failed: the artifact already has version ${latestVersion}`, latestVersion);
  }
  if (input.ifMatch !== undefined && input.ifMatch !== latestVersion) {
    throw preconditionFailed(`If-Match: ${input.ifMatch} failed: the latest version is ${latestVersion ?? "none"}`, latestVersion);
  }
}

export type TCommit = {
  principal: TPrincipal;
  p: TPrepared;
  input: Omit<TPublishInput, "body">;
  namespaceId: string;
  storageKey: string;
  backend: string;
  stored: { size: number; sha256: string };
  print: string;
  /** The quota held for the upload, settled here: its hold goes, the version's size counts. */
  reservationId: string;
};

/** The version row and everything that follows the latest version, in one transaction. */
export async function commitVersion(tx: Tx, c: TCommit): Promise<TPublishResult & { queuedDeletes: string[] }> {
  const { p, principal } = c;
  if (c.input.idempotencyKey) {
    const prior = await tx.idempotencyRecord.findUnique({
      where: { identityId_key: { identityId: principal.identityId, key: c.input.idempotencyKey } },
    });
    if (prior) return { ...(await replay(tx, prior, c.print)), queuedDeletes: [] };
  }

  const { sessionRowId, runRowId } = await resolveSessionAndRun(tx, c.namespaceId, p.sessionId, p.runId);
  // NULLs never collide in a unique index, so "no session" is stored as "".
  const sessionKey = sessionRowId ?? "";
  let artifact = await tx.artifact.findUnique({
    where: { namespaceId_sessionKey_name: { namespaceId: c.namespaceId, sessionKey, name: p.name } },
  });
  // Outbox ids of the bytes of an expired artifact replaced here, deleted after the commit.
  let queuedDeletes: string[] = [];
  if (artifact && !isLive(artifact)) {
    // Expired but not swept yet: gone for readers, so replaced here as the sweep would have
    // removed it (space back, bytes queued), instead of adding a version nobody can ever read.
    queuedDeletes = (await deleteArtifactRows(tx, artifact))?.pendingIds ?? [];
    artifact = null;
  }
  artifact ??= await tx.artifact.create({
    data: { id: newId(), namespaceId: c.namespaceId, sessionId: sessionRowId, sessionKey, name: p.name, createdById: principal.identityId },
  });
  // The increment takes the row lock, so what it returns is the latest committed state.
  const counted = await tx.artifact.update({ where: { id: artifact.id }, data: { nextVersion: { increment: 1 } } });
  checkPreconditions(c.input, counted.latestVersion);
  const number = counted.nextVersion - 1;
  const now = new Date();

  const version = await tx.artifactVersion.create({
    data: {
      id: newId(),
      artifactId: artifact.id,
      version: number,
      filename: p.filename,
      mimeType: p.mimeType,
      sizeBytes: BigInt(c.stored.size),
      sha256: c.stored.sha256,
      createdById: principal.identityId,
      runId: runRowId,
      customMetadata: JSON.stringify(p.metadata),
      backend: c.backend,
      storageKey: c.storageKey,
      createdAt: now,
    },
    include: VERSION_INCLUDE,
  });
  await releaseReservation(tx, c.reservationId);
  await addUsage(tx, c.namespaceId, c.stored.size);
  await replaceMetadataEntries(tx, artifact.id, p.metadata);
  if (p.tags) await replaceTags(tx, artifact.id, p.tags);
  const updated = await tx.artifact.update({
    where: { id: artifact.id },
    data: {
      latestVersion: number,
      updatedAt: now,
      retainUntil: retainUntilFor(await tx.namespace.findUniqueOrThrow({ where: { id: c.namespaceId } }), now),
      ...(p.expiresAt ? { expiresAt: p.expiresAt } : {}),
    },
    include: ARTIFACT_INCLUDE,
  });
  if (c.input.idempotencyKey) {
    await tx.idempotencyRecord.create({
      data: {
        identityId: principal.identityId,
        key: c.input.idempotencyKey,
        fingerprint: c.print,
        artifactId: artifact.id,
        version: number,
      },
    });
  }
  return { artifact: toArtifactDto(updated), version: toVersionDto(version), replayed: false, queuedDeletes };
}

async function replay(tx: Tx, prior: { fingerprint: string; artifactId: string; version: number }, print: string): Promise<TPublishResult> {
  if (prior.fingerprint !== print) {
    throw new StowageError("ARTIFACT_IDEMPOTENCY_KEY_REUSED", "this Idempotency-Key was already used for a different upload");
  }
  const artifact = await tx.artifact.findUnique({ where: { id: prior.artifactId }, include: ARTIFACT_INCLUDE });
  const version = await tx.artifactVersion.findUnique({
    where: { artifactId_version: { artifactId: prior.artifactId, version: prior.version } },
    include: VERSION_INCLUDE,
  });
  if (!artifact || !isLive(artifact) || !version) {
    throw new StowageError("ARTIFACT_IDEMPOTENCY_KEY_REUSED", "this Idempotency-Key belongs to an upload that has since been deleted");
  }
  return { artifact: toArtifactDto(artifact), version: toVersionDto(version), replayed: true };
}
