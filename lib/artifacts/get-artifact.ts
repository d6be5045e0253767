import "server-only";
import type { TVersionRef } from "../aliases/version-ref.ts";
import type { Db } from "../db/client.ts";
import type { TPrincipal } from "../access/principal.ts";
import { authorizeArtifact, findVersionOrThrow, tagsOf } from "./find-artifact-or-throw.ts";
import { selectArtifact } from "./select-artifact.ts";
import { toArtifactDto, toVersionDto } from "./serialize.ts";

/** Artifact metadata with its latest version. */
export async function getArtifact(db: Db, principal: TPrincipal, id: string) {
  const found = await selectArtifact(db, id, "latest");
  const artifact = await authorizeArtifact(db, principal, found?.artifact, "read");
  return toArtifactDto({ ...artifact, tags: await tagsOf(db, id) }, found?.version ?? null);
}

/** One version's metadata (the latest when `version` is undefined), with where its bytes are. */
export async function getVersion(db: Db, principal: TPrincipal, id: string, version?: TVersionRef) {
  const { artifact, row } = await findVersionOrThrow(db, principal, id, version);
  return { artifact, row, dto: toVersionDto(row) };
}
