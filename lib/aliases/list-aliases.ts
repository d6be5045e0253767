import "server-only";
import type { Db } from "../db/client.ts";
import type { TPrincipal } from "../access/principal.ts";
import { findArtifactOrThrow } from "../artifacts/find-artifact-or-throw.ts";
import { toAliasDto, type TAliasDto } from "./alias-dto.ts";

/** An artifact's aliases (readers of the artifact), by name. */
export async function listAliases(db: Db, principal: TPrincipal, artifactId: string): Promise<TAliasDto[]> {
  await findArtifactOrThrow(db, principal, artifactId, "read");
  return aliasesOf(db, artifactId);
}

/** An artifact's aliases by name, for callers that have authorized the read. */
export async function aliasesOf(db: Db, artifactId: string): Promise<TAliasDto[]> {
  const rows = await db.artifactAlias.findMany({
    where: { artifactId },
    orderBy: { name: "asc" },
    include: { version: { select: { version: true } } },
  });
  return rows.map(toAliasDto);
}

/** Alias names by version number, for a version history. */
export function aliasNamesByVersion(aliases: TAliasDto[]): Map<number, string[]> {
  const byVersion = new Map<number, string[]>();
  for (const a of aliases) byVersion.set(a.version, [...(byVersion.get(a.version) ?? []), a.name]);
  return byVersion;
}
