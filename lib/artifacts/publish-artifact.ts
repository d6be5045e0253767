import "server-only";
import type { Db } from "../db/client.ts";
import { isUniqueViolation } from "../db/client.ts";
import { rawTransaction } from "../db/raw-sql.ts";
import { StowageError, validationFailed } from "../errors.ts";
import { newId } from "../ids.ts";
import { requireNamespace } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";
import { BlobStoreUnavailableError, BlobTooLargeError, type BlobStore } from "../storage/blob-store.ts";
import { growReservation, quotaExceeded, quotaOf, releaseReservationNow, reserveQuota } from "../quota/reserve-quota.ts";
import { FIRST_RESERVATION, reservingBody } from "../quota/reserving-body.ts";
import { isLive } from "./find-artifact-or-throw.ts";
import { deleteQueuedBlobs } from "../gc/delete-queued-blobs.ts";
import { discardBlob } from "../gc/discard-blob.ts";
import type { TUploadAudit } from "../audit/record-upload.ts";
import {
  checkPreconditions,
  commitVersion,
  latestHasBytes,
  unchangedResult,
  VersionRaceLost,
  type TCommitNamespace,
} from "./commit-version.ts";
import { resolveDerivedFrom } from "../lineage/resolve-derived-from.ts";
import { fingerprint, prepareFields, type TPrepared, type TPublishInput, type TPublishResult } from "./publish-input.ts";

export type { TPublishFields, TPublishInput, TPublishResult } from "./publish-input.ts";

const MAX_COMMIT_ATTEMPTS = 8;

/**
 * Publishes a new version and records it in the audit log (`via` says how it came; replays of
 * an Idempotency-Key published nothing and are not recorded). The bytes are stored and hashed
 * first, under a fresh key built from ids; only then does one transaction create the version
 * row (commitStoredBlob). A crash in between leaves bytes without a row, which the orphan sweep
 * handles. Version numbers come from a per-artifact counter, and the unique (artifactId,
 * version) index is the final guard.
 */
export async function publishArtifact(
  db: Db,
  store: BlobStore,
  principal: TPrincipal,
  maxBytes: number,
  input: TPublishInput,
): Promise<TPublishResult> {
  const early = prepareFields(input);
  const namespace = await requireNamespace(db, principal, early.namespace, "write");
  if (input.declaredSize !== undefined && input.declaredSize > maxBytes) throw tooLarge(maxBytes);
  // Trailing fields may still change which artifact this is (name, sessionId): the commit
  // checks the preconditions then, against the final fields.
  if (!input.trailingFields) {
    const current = await checkPreconditionsEarly(db, namespace.id, early, input);
    // The client's sha256 is the latest version's: nothing to store, so the bytes are not kept.
    if (current && input.ifNoneMatchSha256 !== undefined && (await latestHasBytes(db, current, input.ifNoneMatchSha256))) {
      const result = await unchangedResult(db, current.id);
      await drain(input.body);
      return result;
    }
  }
  // The inputs are checked before any byte is read, unless fields after the file may still name them.
  let inputVersionIds = input.trailingFields ? undefined : await resolveDerivedFrom(db, principal, early.derivedFrom);

  // Quota is held before any byte is stored (the declared size, or in steps as a body of unknown
  // length arrives) so an upload that cannot fit is refused before it is sent; the commit turns
  // the hold into usage and any failure gives it back. A small declared body is not held: the
  // commit's conditional charge is its exact check, and the namespace as read above refuses the
  // obvious case before any byte is read.
  const declared = input.declaredSize;
  const holdFirst = declared === undefined || declared > UNHELD_MAX_BYTES;
  if (!holdFirst && !principal.isAdmin && namespace.usedBytes + namespace.reservedBytes + BigInt(declared) > quotaOf(namespace)) {
    throw await quotaExceeded(db, namespace, BigInt(declared));
  }
  const reservation = holdFirst
    ? await reserveQuota(db, principal, namespace, BigInt(declared ?? Math.min(FIRST_RESERVATION, maxBytes)), {
        ttlMs: UPLOAD_RESERVATION_MS,
      })
    : null;
  const body =
    declared === undefined
      ? reservingBody(input.body, Number(reservation!.bytes), (more) =>
          growReservation(db, principal, namespace, reservation!.id, BigInt(more)),
        )
      : input.body;
  const release = async () => {
    if (reservation) await releaseReservationNow(db, reservation.id);
  };
  const storageKey = newStorageKey(namespace.id);
  let stored: { size: number; sha256: string };
  try {
    stored = await store.put(storageKey, body, { maxBytes, ifAbsent: true });
  } catch (error) {
    await release();
    if (error instanceof BlobTooLargeError) throw tooLarge(maxBytes);
    if (error instanceof BlobStoreUnavailableError) throw storageUnavailable();
    throw error;
  }
  let p = early;
  let fields = input.fields;
  try {
    if (input.sha256 !== undefined && input.sha256 !== stored.sha256) throw new Error("the stored bytes differ from the bytes received");
    if (input.trailingFields) {
      fields = await input.trailingFields;
      p = prepareFields({ ...input, fields });
      if (p.namespace !== early.namespace) throw validationFailed("namespace changed after the file", { field: "namespace" });
      inputVersionIds = await resolveDerivedFrom(db, principal, p.derivedFrom);
    }
  } catch (error) {
    await discardBlob(db, store, storageKey);
    await release();
    throw error;
  }
  return commitStoredBlob(db, store, {
    principal,
    p,
    input: { ...input, fields },
    namespace,
    storageKey,
    stored,
    reservationId: reservation?.id ?? null,
    audit: { via: input.via ?? "service" },
    inputVersionIds,
  });
}

/** Reads a body to its end and drops it, so the client's request completes. */
async function drain(body: TPublishInput["body"]): Promise<void> {
  for await (const chunk of body) void chunk;
}

/**
 * Declared bodies up to this size are committed without a quota hold first: one transaction per
 * small publish instead of two. Larger ones are held so that they are refused before they are sent.
 */
const UNHELD_MAX_BYTES = 1024 * 1024;

/** A reservation outlives any upload through the server; one left by a dead process is reclaimed after. */
const UPLOAD_RESERVATION_MS = 6 * 3_600_000;

/** Version bytes always go to a fresh key built from ids, never from anything a client sent. */
export const newStorageKey = (namespaceId: string) => `v1/${namespaceId}/${newId()}`;

export const storageUnavailable = () =>
  new StowageError("ARTIFACT_STORAGE_UNAVAILABLE", "artifact storage is not reachable; nothing was stored");

/**
 * Fails fast on a precondition that already fails, before any byte is received. Answers the live
 * artifact the publish would add to when it had to look (a precondition or a client's sha256).
 */
export async function checkPreconditionsEarly(
  db: Db,
  namespaceId: string,
  p: TPrepared,
  input: Pick<TPublishInput, "ifMatch" | "ifNoneMatch" | "ifNoneMatchSha256">,
): Promise<{ id: string; latestVersion: number | null } | null> {
  if (input.ifMatch === undefined && !input.ifNoneMatch && input.ifNoneMatchSha256 === undefined) return null;
  const session = p.sessionId
    ? await db.session.findUnique({ where: { namespaceId_externalId: { namespaceId, externalId: p.sessionId } } })
    : null;
  const current =
    p.sessionId && !session
      ? null
      : await db.artifact.findUnique({
          where: { namespaceId_sessionKey_name: { namespaceId, sessionKey: session?.id ?? "", name: p.name } },
        });
  const live = current && isLive(current) ? current : null;
  checkPreconditions(input, live?.latestVersion ?? null);
  return live;
}

/**
 * Commits bytes already stored at `storageKey` as the next version, with its audit row. Any
 * failure removes the blob, so there is never a row without bytes nor bytes left without a row.
 * A losing concurrent writer retries.
 */
export async function commitStoredBlob(
  db: Db,
  store: BlobStore,
  c: {
    principal: TPrincipal;
    p: TPrepared;
    input: Omit<TPublishInput, "body">;
    namespace: TCommitNamespace;
    storageKey: string;
    stored: { size: number; sha256: string };
    /** The quota held for these bytes (settled by the commit, released if it does not happen), or null when none was. */
    reservationId: string | null;
    /** How the publish is audited, in its transaction. */
    audit: TUploadAudit;
    /** The version rows of `p.derivedFrom`, when already resolved for this principal. */
    inputVersionIds?: string[];
  },
): Promise<TPublishResult> {
  const print = fingerprint(c.p, c.stored.sha256);
  try {
    const inputVersionIds = c.inputVersionIds ?? (await resolveDerivedFrom(db, c.principal, c.p.derivedFrom));
    for (let attempt = 1; ; attempt++) {
      try {
        const { queuedDeletes, ...result } = await rawTransaction(db, (tx) =>
          commitVersion(tx, { ...c, backend: store.backend, print, inputVersionIds }),
        );
        if (result.replayed || result.unchanged) {
          await discardBlob(db, store, c.storageKey);
          if (c.reservationId !== null) await releaseReservationNow(db, c.reservationId);
        }
        await deleteQueuedBlobs(db, queuedDeletes);
        return result;
      } catch (error) {
        if (!isLostRace(error) || attempt >= MAX_COMMIT_ATTEMPTS) throw error;
      }
    }
  } catch (error) {
    await discardBlob(db, store, c.storageKey);
    if (c.reservationId !== null) await releaseReservationNow(db, c.reservationId);
    if (isLostRace(error)) throw new StowageError("ARTIFACT_VERSION_CONFLICT", "too many concurrent writes to this artifact; try again");
    throw error;
  }
}

/** Another writer committed first (the same new artifact, session or run, or the same version number): the commit runs again. */
const isLostRace = (error: unknown) => isUniqueViolation(error) || error instanceof VersionRaceLost;

const tooLarge = (maxBytes: number) =>
  new StowageError("ARTIFACT_TOO_LARGE", `the upload exceeds the ${Math.round(maxBytes / 1024 / 1024)} MB limit`, { maxBytes });
