import "server-only";
import type { Db } from "../db/client.ts";
import { notFound } from "../errors.ts";
import type { TPrincipal } from "../access/principal.ts";
import { findVersionOrThrow } from "../artifacts/find-artifact-or-throw.ts";
import { toVersionDto, type TVersionDto } from "../artifacts/serialize.ts";
import { parseAliasName } from "./alias-name.ts";
import { toAliasDto, type TAliasDto } from "./alias-dto.ts";
import { findAlias } from "./list-aliases.ts";

/** One alias (readers of the artifact) with the version it points to, as GET …/versions/{n} gives it; 404 when there is none. */
export async function getAlias(
  db: Db,
  principal: TPrincipal,
  artifactId: string,
  rawName: string,
): Promise<{ alias: TAliasDto; version: TVersionDto }> {
  const name = parseAliasName(rawName, "name");
  const { row } = await findVersionOrThrow(db, principal, artifactId, { alias: name });
  const alias = await findAlias(db, artifactId, name);
  // Removed between the two reads.
  if (!alias) throw notFound(`alias ${name}`);
  return { alias: toAliasDto(alias), version: toVersionDto(row) };
}
