import "server-only";
import type { Tx } from "../db/client.ts";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { StowageError } from "../errors.ts";
import { newId } from "../ids.ts";
import type { TPrincipal } from "../access/principal.ts";
import { ARTIFACT_INCLUDE, VERSION_INCLUDE, toArtifactDto, toVersionDto } from "./serialize.ts";
import { replaceMetadataEntries } from "./replace-metadata-entries.ts";
import { replaceTags } from "./replace-tags.ts";
import { isLive, tagsOf } from "./find-artifact-or-throw.ts";
import type { TPrepared, TPublishInput, TPublishResult } from "./publish-input.ts";
import { resolveSessionAndRun } from "./resolve-session-and-run.ts";
import { addUsage } from "../quota/add-usage.ts";
import { quotaExceeded, quotaOf, releaseReservation, type TQuotaNamespace } from "../quota/reserve-quota.ts";
import { deleteArtifactRows } from "../gc/delete-artifact-rows.ts";
import { retainUntilFor } from "../retention/retain-until.ts";
import { recordUpload, type TUploadAudit } from "../audit/record-upload.ts";

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

/** Thrown inside the commit when the artifact changed under it in a way that needs a fresh look: the commit runs again. */
export class VersionRaceLost extends Error {}

export type TCommitNamespace = TQuotaNamespace & { retentionDays: number | null };

export type TCommit = {
  principal: TPrincipal;
  p: TPrepared;
  input: Omit<TPublishInput, "body">;
  namespace: TCommitNamespace;
  storageKey: string;
  backend: string;
  stored: { size: number; sha256: string };
  print: string;
  /**
   * The quota held for the upload, settled here: its hold goes, the version's size counts. Null
   * when nothing was held: the charge itself is then the quota check.
   */
  reservationId: string | null;
  audit: TUploadAudit;
};

/**
 * The version row, everything that follows the latest version, the quota charge and the audit
 * row, in one transaction. The responses are built from what is in hand rather than read back.
 */
export async function commitVersion(tx: Tx, c: TCommit): Promise<TPublishResult & { queuedDeletes: string[] }> {
  const { p, principal, namespace } = c;
  if (c.input.idempotencyKey) {
    const prior = await tx.idempotencyRecord.findUnique({
      where: { identityId_key: { identityId: principal.identityId, key: c.input.idempotencyKey } },
    });
    if (prior) return { ...(await replay(tx, prior, c.print)), queuedDeletes: [] };
  }

  const { sessionRowId, runRowId } = await resolveSessionAndRun(tx, namespace.id, p.sessionId, p.runId);
  // NULLs never collide in a unique index, so "no session" is stored as "".
  const sessionKey = sessionRowId ?? "";
  let artifact = await tx.artifact.findUnique({
    where: { namespaceId_sessionKey_name: { namespaceId: namespace.id, sessionKey, name: p.name } },
  });
  // Outbox ids of the bytes of an expired artifact replaced here, deleted after the commit.
  let queuedDeletes: string[] = [];
  if (artifact && !isLive(artifact)) {
    // Expired but not swept yet: gone for readers, so replaced here as the sweep would have
    // removed it (space back, bytes queued), instead of adding a version nobody can ever read.
    queuedDeletes = (await deleteArtifactRows(tx, artifact))?.pendingIds ?? [];
    artifact = null;
  }
  const now = new Date();
  const retainUntil = retainUntilFor(namespace, now);
  let number: number;
  const created = !artifact;
  if (!artifact) {
    checkPreconditions(c.input, null);
    number = 0;
    artifact = await tx.artifact.create({
      data: {
        id: newId(),
        namespaceId: namespace.id,
        sessionId: sessionRowId,
        sessionKey,
        name: p.name,
        createdById: principal.identityId,
        createdAt: now,
        updatedAt: now,
        latestVersion: number,
        nextVersion: number + 1,
        retainUntil,
        expiresAt: p.expiresAt ?? null,
      },
    });
  } else {
    // The number, the new latest and its retention in one statement that takes the row lock and
    // works on the row as it is then (not as read above), with the preconditions as its
    // condition, so parallel writers get distinct numbers and If-Match is exact.
    const precondition =
      c.input.ifMatch !== undefined
        ? Prisma.sql`AND "latestVersion" = ${c.input.ifMatch}`
        : c.input.ifNoneMatch
          ? Prisma.sql`AND "latestVersion" IS NULL`
          : Prisma.empty;
    const [moved] = await tx.$queryRaw<{ latestVersion: number; nextVersion: number }[]>`
      UPDATE "Artifact" SET "latestVersion" = "nextVersion", "nextVersion" = "nextVersion" + 1, "updatedAt" = ${now}, "retainUntil" = ${retainUntil}
        ${p.expiresAt ? Prisma.sql`, "expiresAt" = ${p.expiresAt}` : Prisma.empty}
      WHERE "id" = ${artifact.id} ${precondition}
      RETURNING "latestVersion", "nextVersion"`;
    if (!moved) {
      const current = await tx.artifact.findUnique({ where: { id: artifact.id } });
      if (current) checkPreconditions(c.input, isLive(current) ? current.latestVersion : null);
      // Deleted meanwhile (or expired): the commit runs again and finds what is there now.
      throw new VersionRaceLost();
    }
    number = moved.latestVersion;
    artifact = { ...artifact, ...moved, updatedAt: now, retainUntil, expiresAt: p.expiresAt ?? artifact.expiresAt };
  }

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
  });
  if (c.reservationId !== null) {
    await releaseReservation(tx, c.reservationId);
    await addUsage(tx, namespace.id, c.stored.size, now);
  } else if (!(await addUsage(tx, namespace.id, c.stored.size, now, { quota: principal.isAdmin ? undefined : quotaOf(namespace) }))) {
    throw await quotaExceeded(tx, namespace, BigInt(c.stored.size));
  }
  // A new artifact has no entries to replace.
  if (!created || Object.keys(p.metadata).length) await replaceMetadataEntries(tx, artifact.id, p.metadata);
  if (p.tags) await replaceTags(tx, artifact.id, p.tags);
  // Read back when there may be some, so they come in the database's order like every other read.
  const tags = created && !p.tags ? [] : await tagsOf(tx, artifact.id);
  const createdBy =
    artifact.createdById === principal.identityId
      ? { name: principal.name }
      : await tx.identity.findUniqueOrThrow({ where: { id: artifact.createdById }, select: { name: true } });
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
  const result = {
    artifact: toArtifactDto({
      ...artifact,
      namespace: { name: namespace.name },
      session: sessionRowId && p.sessionId ? { externalId: p.sessionId } : null,
      createdBy,
      tags,
    }),
    version: toVersionDto({ ...version, run: runRowId && p.runId ? { externalId: p.runId } : null, createdBy: { name: principal.name } }),
    replayed: false,
  };
  await recordUpload(tx, principal, result, c.audit);
  return { ...result, queuedDeletes };
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
