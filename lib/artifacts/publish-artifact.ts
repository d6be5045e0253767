import "server-only";
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import type { Db, Tx } from "../db/client.ts";
import { isUniqueViolation } from "../db/client.ts";
import { StowageError, validationFailed } from "../errors.ts";
import { newId } from "../ids.ts";
import { requireNamespace } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";
import { BlobStoreUnavailableError, BlobTooLargeError, type BlobStore } from "../storage/blob-store.ts";
import { baseName, normalizeArtifactName, normalizeClientId } from "./artifact-name.ts";
import { normalizeMimeType, parseExpiresAt, parseMetadata, parseTags } from "./artifact-fields.ts";
import { ARTIFACT_INCLUDE, VERSION_INCLUDE, toArtifactDto, toVersionDto, type TArtifactDto, type TVersionDto } from "./serialize.ts";
import { resolveMimeType } from "./guess-mime-type.ts";
import { resolveSessionAndRun } from "./resolve-session-and-run.ts";
import { replaceMetadataEntries } from "./replace-metadata-entries.ts";
import { replaceTags } from "./replace-tags.ts";
import { isLive } from "./find-artifact-or-throw.ts";
import { deleteBlobs, type TBlobRef } from "./delete-artifact.ts";

export type TPublishFields = {
  namespace?: unknown;
  name?: unknown;
  sessionId?: unknown;
  runId?: unknown;
  tags?: unknown;
  metadata?: unknown;
  expiresAt?: unknown;
};

export type TPublishInput = {
  fields: TPublishFields;
  /** The uploaded file's own name (multipart), used when `name` is absent. */
  filename?: string;
  contentType?: string | null;
  body: Readable | AsyncIterable<Uint8Array>;
  /** Content-Length, when the client sent one: lets an oversized upload fail before any byte is read. */
  declaredSize?: number;
  /** `If-Match: <version>`: publish only if that is the current latest version. */
  ifMatch?: number;
  /** `If-None-Match: *`: publish only if the artifact has no version yet. */
  ifNoneMatch?: boolean;
  idempotencyKey?: string;
};

export type TPublishResult = { artifact: TArtifactDto; version: TVersionDto; replayed: boolean };

type TPrepared = ReturnType<typeof prepareFields>;

function prepareFields(input: TPublishInput) {
  const f = input.fields;
  if (typeof f.namespace !== "string" || f.namespace === "") throw validationFailed("namespace is required", { field: "namespace" });
  const rawName = f.name ?? input.filename;
  if (rawName === undefined || rawName === "") throw validationFailed("name is required (or upload a file with a file name)", { field: "name" });
  const name = normalizeArtifactName(rawName);
  const filename = input.filename ? normalizeArtifactName(baseName(input.filename.replace(/\\/g, "/")), "filename") : baseName(name);
  return {
    namespace: f.namespace,
    name,
    filename,
    sessionId: f.sessionId === undefined ? undefined : normalizeClientId(f.sessionId, "sessionId"),
    runId: f.runId === undefined ? undefined : normalizeClientId(f.runId, "runId"),
    tags: f.tags === undefined ? undefined : parseTags(f.tags),
    metadata: f.metadata === undefined ? {} : parseMetadata(f.metadata),
    expiresAt: f.expiresAt === undefined ? undefined : parseExpiresAt(f.expiresAt),
    mimeType: resolveMimeType(normalizeMimeType(input.contentType), filename),
  };
}

/** What an Idempotency-Key replay must match: the same request fields and the same bytes. */
function fingerprint(p: TPrepared, sha256: string): string {
  const { namespace, name, sessionId, runId, tags, metadata, expiresAt, mimeType } = p;
  return createHash("sha256")
    .update(JSON.stringify({ namespace, name, sessionId, runId, tags, metadata, expiresAt, mimeType, sha256 }))
    .digest("hex");
}

const preconditionFailed = (message: string, latestVersion: number | null) =>
  new StowageError("ARTIFACT_VERSION_CONFLICT", message, { latestVersion }, 412);

function checkPreconditions(input: TPublishInput, latestVersion: number | null): void {
  if (input.ifNoneMatch && latestVersion !== null) {
    throw preconditionFailed(`If-None-Match: * failed: the artifact already has version ${latestVersion}`, latestVersion);
  }
  if (input.ifMatch !== undefined && input.ifMatch !== latestVersion) {
    throw preconditionFailed(`If-Match: ${input.ifMatch} failed: the latest version is ${latestVersion ?? "none"}`, latestVersion);
  }
}

const MAX_COMMIT_ATTEMPTS = 8;

/**
 * Publishes a new version. The bytes are stored and hashed first, under a fresh key built from
 * ids; only then does one transaction create the version row. Any failure removes the blob, so
 * there is never a row without bytes nor bytes left without a row (except after a crash, which
 * the orphan sweep handles). Version numbers come from a per-artifact counter, and the unique
 * (artifactId, version) index is the final guard: a losing concurrent writer retries.
 */
export async function publishArtifact(db: Db, store: BlobStore, principal: TPrincipal, maxBytes: number, input: TPublishInput): Promise<TPublishResult> {
  const p = prepareFields(input);
  const namespace = await requireNamespace(db, principal, p.namespace, "write");
  if (input.declaredSize !== undefined && input.declaredSize > maxBytes) throw tooLarge(maxBytes);
  const { sessionRowId, runRowId } = await resolveSessionAndRun(db, namespace.id, p.sessionId, p.runId);
  const sessionKey = sessionRowId ?? "";

  // Fail fast on a precondition that already fails, before receiving the bytes.
  if (input.ifMatch !== undefined || input.ifNoneMatch) {
    const current = await db.artifact.findUnique({ where: { namespaceId_sessionKey_name: { namespaceId: namespace.id, sessionKey, name: p.name } } });
    checkPreconditions(input, current && isLive(current) ? current.latestVersion : null);
  }

  const storageKey = `v1/${namespace.id}/${newId()}`;
  let stored: { size: number; sha256: string };
  try {
    stored = await store.put(storageKey, input.body, { maxBytes });
  } catch (error) {
    if (error instanceof BlobTooLargeError) throw tooLarge(maxBytes);
    if (error instanceof BlobStoreUnavailableError) throw new StowageError("ARTIFACT_STORAGE_UNAVAILABLE", "artifact storage is not reachable; nothing was stored");
    throw error;
  }

  const print = fingerprint(p, stored.sha256);
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const { expiredBlobs, ...result } = await db.$transaction((tx) =>
          commitVersion(tx, { principal, p, input, namespaceId: namespace.id, sessionRowId, runRowId, sessionKey, storageKey, backend: store.backend, stored, print }),
        );
        if (result.replayed) await store.delete(storageKey).catch(() => undefined);
        await deleteBlobs(expiredBlobs);
        return result;
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= MAX_COMMIT_ATTEMPTS) throw error;
      }
    }
  } catch (error) {
    await store.delete(storageKey).catch(() => undefined);
    if (isUniqueViolation(error)) throw new StowageError("ARTIFACT_VERSION_CONFLICT", "too many concurrent writes to this artifact; try again");
    throw error;
  }
}

const tooLarge = (maxBytes: number) =>
  new StowageError("ARTIFACT_TOO_LARGE", `the upload exceeds the ${Math.round(maxBytes / 1024 / 1024)} MB limit`, { maxBytes });

type TCommit = {
  principal: TPrincipal;
  p: TPrepared;
  input: TPublishInput;
  namespaceId: string;
  sessionRowId: string | undefined;
  runRowId: string | undefined;
  sessionKey: string;
  storageKey: string;
  backend: string;
  stored: { size: number; sha256: string };
  print: string;
};

async function commitVersion(tx: Tx, c: TCommit): Promise<TPublishResult & { expiredBlobs: TBlobRef[] }> {
  const { p, principal } = c;
  if (c.input.idempotencyKey) {
    const prior = await tx.idempotencyRecord.findUnique({ where: { identityId_key: { identityId: principal.identityId, key: c.input.idempotencyKey } } });
    if (prior) return { ...(await replay(tx, prior, c.print)), expiredBlobs: [] };
  }

  let artifact = await tx.artifact.findUnique({ where: { namespaceId_sessionKey_name: { namespaceId: c.namespaceId, sessionKey: c.sessionKey, name: p.name } } });
  let expiredBlobs: TBlobRef[] = [];
  if (artifact && !isLive(artifact)) {
    // Expired but not swept yet: gone for readers, so replaced here as the sweep would have
    // removed it, instead of adding a version nobody can ever read.
    expiredBlobs = await tx.artifactVersion.findMany({ where: { artifactId: artifact.id }, select: { backend: true, storageKey: true } });
    await tx.artifact.deleteMany({ where: { id: artifact.id } });
    artifact = null;
  }
  artifact ??= await tx.artifact.create({
    data: { id: newId(), namespaceId: c.namespaceId, sessionId: c.sessionRowId, sessionKey: c.sessionKey, name: p.name, createdById: principal.identityId },
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
      runId: c.runRowId,
      customMetadata: JSON.stringify(p.metadata),
      backend: c.backend,
      storageKey: c.storageKey,
      createdAt: now,
    },
    include: VERSION_INCLUDE,
  });
  await replaceMetadataEntries(tx, artifact.id, p.metadata);
  if (p.tags) await replaceTags(tx, artifact.id, p.tags);
  const updated = await tx.artifact.update({
    where: { id: artifact.id },
    data: { latestVersion: number, updatedAt: now, ...(p.expiresAt ? { expiresAt: p.expiresAt } : {}) },
    include: ARTIFACT_INCLUDE,
  });
  if (c.input.idempotencyKey) {
    await tx.idempotencyRecord.create({
      data: { identityId: principal.identityId, key: c.input.idempotencyKey, fingerprint: c.print, artifactId: artifact.id, version: number },
    });
  }
  return { artifact: toArtifactDto(updated), version: toVersionDto(version), replayed: false, expiredBlobs };
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
  if (!artifact || !version) {
    throw new StowageError("ARTIFACT_IDEMPOTENCY_KEY_REUSED", "this Idempotency-Key belongs to an upload that has since been deleted");
  }
  return { artifact: toArtifactDto(artifact), version: toVersionDto(version), replayed: true };
}
