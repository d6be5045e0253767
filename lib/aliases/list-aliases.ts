import "server-only";
import type { Db, Tx } from "../db/client.ts";
import type { TPrincipal } from "../access/principal.ts";
import { findArtifactOrThrow } from "../artifacts/find-artifact-or-throw.ts";
import { ALIAS_INCLUDE, toAliasDto, type TAliasDto } from "./alias-dto.ts";

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
    include: ALIAS_INCLUDE,
  });
  return rows.map(toAliasDto);
}

/** One alias row with its version's number (in `db` or a transaction), or null. */
export function findAlias(db: Db | Tx, artifactId: string, name: string) {
  return db.artifactAlias.findUnique({ where: { artifactId_name: { artifactId, name } }, include: ALIAS_INCLUDE });
}

/** Alias names by version number, for a version history. */
export function aliasNamesByVersion(aliases: TAliasDto[]): Map<number, string[]> {
  const byVersion = new Map<number, string[]>();
  for (const a of aliases) byVersion.set(a.version, [...(byVersion.get(a.version) ?? []), a.name]);
  return byVersion;
}
