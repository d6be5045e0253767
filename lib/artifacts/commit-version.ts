import "server-only";
import { Prisma, type Artifact } from "../db/generated/sqlite/client.ts";
import { executeSql, queryRows, type TSqlRunner } from "../db/raw-sql.ts";
import { StowageError } from "../errors.ts";
import { newId } from "../ids.ts";
import type { TPrincipal } from "../access/principal.ts";
import { toArtifactDto, toVersionDto } from "./serialize.ts";
import { selectArtifact } from "./select-artifact.ts";
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
import { recordDerivedFrom } from "../lineage/record-derived-from.ts";

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
  /** The version rows the publish names as its inputs (derivedFrom), already authorized. */
  inputVersionIds: string[];
};

const ARTIFACT_ROW = Prisma.sql`"id", "namespaceId", "sessionId", "sessionKey", "name", "createdById", "createdAt", "updatedAt",
  "latestVersion", "nextVersion", "expiresAt", "retainUntil"`;
/** ARTIFACT_ROW and what only setAlias/deleteAlias write (isLive reads it). */
const ARTIFACT_SELECT = Prisma.sql`${ARTIFACT_ROW}, "protectedAliases"`;

/**
 * The version row, everything that follows the latest version, the quota charge and the audit
 * row, in one transaction. The responses are built from what is in hand rather than read back.
 * Raw statements only, so it runs in a rawTransaction (a publish's commit, its hottest path).
 */
export async function commitVersion(tx: TSqlRunner, c: TCommit): Promise<TPublishResult & { queuedDeletes: string[] }> {
  const { p, principal, namespace } = c;
  if (c.input.idempotencyKey) {
    const [prior] = await queryRows<{ fingerprint: string; artifactId: string; version: number }>(
      tx,
      Prisma.sql`SELECT "fingerprint", "artifactId", "version" FROM "IdempotencyRecord"
        WHERE "identityId" = ${principal.identityId} AND "key" = ${c.input.idempotencyKey}`,
    );
    if (prior) return { ...(await replay(tx, prior, c.print)), queuedDeletes: [] };
  }

  const { sessionRowId, runRowId } = await resolveSessionAndRun(tx, namespace.id, p.sessionId, p.runId);
  // NULLs never collide in a unique index, so "no session" is stored as "".
  const sessionKey = sessionRowId ?? "";
  let [artifact] = await queryRows<Artifact | undefined>(
    tx,
    Prisma.sql`SELECT ${ARTIFACT_SELECT} FROM "Artifact" WHERE "namespaceId" = ${namespace.id} AND "sessionKey" = ${sessionKey} AND "name" = ${p.name}`,
  );
  // Outbox ids of the bytes of an expired artifact replaced here, deleted after the commit.
  let queuedDeletes: string[] = [];
  if (artifact && !isLive(artifact)) {
    // Expired but not swept yet: gone for readers, so replaced here as the sweep would have
    // removed it (space back, bytes queued), instead of adding a version nobody can ever read.
    queuedDeletes = (await deleteArtifactRows(tx, artifact))?.pendingIds ?? [];
    artifact = undefined;
  }
  const now = new Date();
  const retainUntil = retainUntilFor(namespace, now);
  let number: number;
  const created = !artifact;
  if (!artifact) {
    checkPreconditions(c.input, null);
    number = 0;
    artifact = {
      id: newId(),
      namespaceId: namespace.id,
      sessionId: sessionRowId ?? null,
      sessionKey,
      name: p.name,
      createdById: principal.identityId,
      createdAt: now,
      updatedAt: now,
      latestVersion: number,
      nextVersion: number + 1,
      retainUntil,
      expiresAt: p.expiresAt ?? null,
      protectedAliases: 0,
    };
    const a = artifact;
    await executeSql(
      tx,
      Prisma.sql`INSERT INTO "Artifact" (${ARTIFACT_ROW}) VALUES (${a.id}, ${a.namespaceId}, ${a.sessionId}, ${a.sessionKey}, ${a.name},
        ${a.createdById}, ${a.createdAt}, ${a.updatedAt}, ${a.latestVersion}, ${a.nextVersion}, ${a.expiresAt}, ${a.retainUntil})`,
    );
  } else if (p.skipIfUnchanged && (await latestHasBytes(tx, artifact, c.stored.sha256))) {
    checkPreconditions(c.input, artifact.latestVersion);
    return { ...(await unchangedResult(tx, artifact.id)), queuedDeletes };
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
    const [moved] = await queryRows<{ latestVersion: number; nextVersion: number }>(
      tx,
      Prisma.sql`UPDATE "Artifact" SET "latestVersion" = "nextVersion", "nextVersion" = "nextVersion" + 1, "updatedAt" = ${now}, "retainUntil" = ${retainUntil}
        ${p.expiresAt ? Prisma.sql`, "expiresAt" = ${p.expiresAt}` : Prisma.empty}
      WHERE "id" = ${artifact.id} ${precondition}
      RETURNING "latestVersion", "nextVersion"`,
    );
    if (!moved) {
      const [current] = await queryRows<Artifact | undefined>(
        tx,
        Prisma.sql`SELECT ${ARTIFACT_SELECT} FROM "Artifact" WHERE "id" = ${artifact.id}`,
      );
      if (current) checkPreconditions(c.input, isLive(current) ? current.latestVersion : null);
      // Deleted meanwhile (or expired): the commit runs again and finds what is there now.
      throw new VersionRaceLost();
    }
    number = moved.latestVersion;
    artifact = { ...artifact, ...moved, updatedAt: now, retainUntil, expiresAt: p.expiresAt ?? artifact.expiresAt };
  }

  const version = {
    id: newId(),
    artifactId: artifact.id,
    version: number,
    filename: p.filename,
    mimeType: p.mimeType,
    sizeBytes: BigInt(c.stored.size),
    sha256: c.stored.sha256,
    createdById: principal.identityId,
    runId: runRowId ?? null,
    tool: p.tool,
    model: p.model,
    customMetadata: JSON.stringify(p.metadata),
    backend: c.backend,
    storageKey: c.storageKey,
    createdAt: now,
  };
  const v = version;
  await executeSql(
    tx,
    Prisma.sql`INSERT INTO "ArtifactVersion" ("id", "artifactId", "version", "filename", "mimeType", "sizeBytes", "sha256", "createdById",
        "runId", "tool", "model", "customMetadata", "backend", "storageKey", "createdAt")
      VALUES (${v.id}, ${v.artifactId}, ${v.version}, ${v.filename}, ${v.mimeType}, ${v.sizeBytes}, ${v.sha256}, ${v.createdById},
        ${v.runId}, ${v.tool}, ${v.model}, ${v.customMetadata}, ${v.backend}, ${v.storageKey}, ${v.createdAt})`,
  );
  if (c.inputVersionIds.length) await recordDerivedFrom(tx, v.id, c.inputVersionIds);
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
      : (await queryRows<{ name: string }>(tx, Prisma.sql`SELECT "name" FROM "Identity" WHERE "id" = ${artifact.createdById}`))[0]!;
  if (c.input.idempotencyKey) {
    await executeSql(
      tx,
      Prisma.sql`INSERT INTO "IdempotencyRecord" ("identityId", "key", "fingerprint", "artifactId", "version", "createdAt")
        VALUES (${principal.identityId}, ${c.input.idempotencyKey}, ${c.print}, ${artifact.id}, ${number}, ${now})`,
    );
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

/** What a publish of the latest version's own bytes answers with skipIfUnchanged: that version. */
export async function unchangedResult(tx: TSqlRunner, artifactId: string): Promise<TPublishResult> {
  const found = await selectArtifact(tx, artifactId, "latest");
  if (!found?.version) throw new VersionRaceLost();
  return {
    artifact: toArtifactDto({ ...found.artifact, tags: await tagsOf(tx, artifactId) }),
    version: toVersionDto(found.version),
    replayed: false,
    unchanged: true,
  };
}

/** Whether the artifact's latest version holds exactly these bytes (same sha256). */
export async function latestHasBytes(tx: TSqlRunner, artifact: Pick<Artifact, "id" | "latestVersion">, sha256: string): Promise<boolean> {
  if (artifact.latestVersion === null) return false;
  const [latest] = await queryRows<{ sha256: string }>(
    tx,
    Prisma.sql`SELECT "sha256" FROM "ArtifactVersion" WHERE "artifactId" = ${artifact.id} AND "version" = ${artifact.latestVersion}`,
  );
  return latest?.sha256 === sha256;
}

async function replay(
  tx: TSqlRunner,
  prior: { fingerprint: string; artifactId: string; version: number },
  print: string,
): Promise<TPublishResult> {
  if (prior.fingerprint !== print) {
    throw new StowageError("ARTIFACT_IDEMPOTENCY_KEY_REUSED", "this Idempotency-Key was already used for a different upload");
  }
  const found = await selectArtifact(tx, prior.artifactId, prior.version);
  if (!found || !isLive(found.artifact) || !found.version) {
    throw new StowageError("ARTIFACT_IDEMPOTENCY_KEY_REUSED", "this Idempotency-Key belongs to an upload that has since been deleted");
  }
  return {
    artifact: toArtifactDto({ ...found.artifact, tags: await tagsOf(tx, prior.artifactId) }),
    version: toVersionDto(found.version),
    replayed: true,
  };
}
