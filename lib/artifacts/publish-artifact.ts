import "server-only";
import type { Db } from "../db/client.ts";
import { isUniqueViolation } from "../db/client.ts";
import { StowageError } from "../errors.ts";
import { newId } from "../ids.ts";
import { requireNamespace } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";
import { BlobStoreUnavailableError, BlobTooLargeError, type BlobStore } from "../storage/blob-store.ts";
import { isLive } from "./find-artifact-or-throw.ts";
import { deleteBlobs } from "./delete-artifact.ts";
import { checkPreconditions, commitVersion } from "./commit-version.ts";
import { fingerprint, prepareFields, type TPublishInput, type TPublishResult } from "./publish-input.ts";

export type { TPublishFields, TPublishInput, TPublishResult } from "./publish-input.ts";

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

  // Fail fast on a precondition that already fails, before receiving the bytes.
  if (input.ifMatch !== undefined || input.ifNoneMatch) {
    const session = p.sessionId ? await db.session.findUnique({ where: { namespaceId_externalId: { namespaceId: namespace.id, externalId: p.sessionId } } }) : null;
    const current =
      p.sessionId && !session
        ? null
        : await db.artifact.findUnique({ where: { namespaceId_sessionKey_name: { namespaceId: namespace.id, sessionKey: session?.id ?? "", name: p.name } } });
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
          commitVersion(tx, { principal, p, input, namespaceId: namespace.id, storageKey, backend: store.backend, stored, print }),
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
