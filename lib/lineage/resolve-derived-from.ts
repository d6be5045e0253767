import "server-only";
import type { Db } from "../db/client.ts";
import { StowageError, validationFailed } from "../errors.ts";
import type { TPrincipal } from "../access/principal.ts";
import { findVersionOrThrow } from "../artifacts/find-artifact-or-throw.ts";
import type { TInputRef } from "./lineage-fields.ts";

/**
 * The version row ids of a publish's inputs, each one checked as a read by the publisher. One that
 * does not exist and one the publisher cannot read get the same answer (ARTIFACT_VALIDATION_FAILED
 * naming its index), so a publish cannot probe what exists.
 */
export async function resolveDerivedFrom(db: Db, principal: TPrincipal, refs: TInputRef[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, ref] of refs.entries()) {
    try {
      ids.push((await findVersionOrThrow(db, principal, ref.artifactId, ref.version)).row.id);
    } catch (error) {
      if (!(error instanceof StowageError) || error.code !== "ARTIFACT_NOT_FOUND") throw error;
      throw validationFailed(
        `derivedFrom[${index}]: version ${ref.version} of artifact ${ref.artifactId} does not exist or you cannot read it`,
        { field: "derivedFrom", index, artifactId: ref.artifactId, version: ref.version },
      );
    }
  }
  return ids;
}
