import "server-only";
import type { Db } from "../db/client.ts";
import type { TPrincipal } from "../access/principal.ts";
import { findArtifactOrThrow } from "../artifacts/find-artifact-or-throw.ts";
import { toShareDtos } from "./share-dto.ts";

/** Who the artifact is shared with, oldest first; for those who may share it (write access). */
export async function listArtifactShares(db: Db, principal: TPrincipal, artifactId: string) {
  await findArtifactOrThrow(db, principal, artifactId, "write");
  const rows = await db.artifactShare.findMany({ where: { artifactId }, orderBy: { id: "asc" } });
  return toShareDtos(db, rows);
}
