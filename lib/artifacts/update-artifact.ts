import "server-only";
import type { Db } from "../db/client.ts";
import type { TPrincipal } from "../access/principal.ts";
import { parseExpiresAt, parseTags } from "./artifact-fields.ts";
import { findArtifactOrThrow } from "./find-artifact-or-throw.ts";
import { replaceTags } from "./replace-tags.ts";
import { ARTIFACT_INCLUDE, toArtifactDto } from "./serialize.ts";
import { retainUntilFor } from "../retention/retain-until.ts";

export type TArtifactPatch = { tags?: unknown; expiresAt?: unknown };

/** Replaces tags and/or sets or clears (null) expiresAt; needs write access to the namespace. */
export async function updateArtifact(db: Db, principal: TPrincipal, id: string, patch: TArtifactPatch) {
  const artifact = await findArtifactOrThrow(db, principal, id, "write");
  const tags = patch.tags === undefined ? undefined : parseTags(patch.tags);
  const expiresAt = patch.expiresAt === undefined ? undefined : patch.expiresAt === null ? null : parseExpiresAt(patch.expiresAt);
  const updated = await db.$transaction(async (tx) => {
    if (tags) await replaceTags(tx, id, tags);
    const now = new Date();
    // An update restarts the namespace's retention, as a new version does.
    return tx.artifact.update({
      where: { id },
      data: { updatedAt: now, retainUntil: retainUntilFor(artifact.namespace, now), ...(expiresAt !== undefined ? { expiresAt } : {}) },
      include: ARTIFACT_INCLUDE,
    });
  });
  return toArtifactDto(updated);
}
