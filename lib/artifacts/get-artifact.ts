import "server-only";
import type { Db } from "../db/client.ts";
import { notFound } from "../errors.ts";
import type { TPrincipal } from "../access/principal.ts";
import { findArtifactOrThrow } from "./find-artifact-or-throw.ts";
import { VERSION_INCLUDE, toArtifactDto, toVersionDto } from "./serialize.ts";

/** Artifact metadata with its latest version. */
export async function getArtifact(db: Db, principal: TPrincipal, id: string) {
  const artifact = await findArtifactOrThrow(db, principal, id);
  const latest = await db.artifactVersion.findUnique({
    where: { artifactId_version: { artifactId: id, version: artifact.latestVersion! } },
    include: VERSION_INCLUDE,
  });
  return toArtifactDto(artifact, latest);
}

/** One version's metadata (the latest when `version` is undefined), with where its bytes are. */
export async function getVersion(db: Db, principal: TPrincipal, id: string, version?: number) {
  const artifact = await findArtifactOrThrow(db, principal, id);
  const row = await db.artifactVersion.findUnique({
    where: { artifactId_version: { artifactId: id, version: version ?? artifact.latestVersion! } },
    include: VERSION_INCLUDE,
  });
  if (!row) throw notFound("version");
  return { artifact, row, dto: toVersionDto(row) };
}
