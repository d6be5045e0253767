import "server-only";
import type { Db } from "../db/client.ts";
import { notFound } from "../errors.ts";
import type { TPrincipal } from "../access/principal.ts";
import { findVersionOrThrow } from "../artifacts/find-artifact-or-throw.ts";
import { toVersionDto, type TVersionDto } from "../artifacts/serialize.ts";
import { parseAliasName } from "./alias-name.ts";
import { aliasesOf } from "./list-aliases.ts";
import type { TAliasDto } from "./alias-dto.ts";

/** One alias (readers of the artifact) with the version it points to, as GET …/versions/{n} gives it; 404 when there is none. */
export async function getAlias(
  db: Db,
  principal: TPrincipal,
  artifactId: string,
  rawName: string,
): Promise<{ alias: TAliasDto; version: TVersionDto }> {
  const name = parseAliasName(rawName, "name");
  const { row } = await findVersionOrThrow(db, principal, artifactId, { alias: name });
  const alias = (await aliasesOf(db, artifactId)).find((a) => a.name === name);
  // Removed between the two reads.
  if (!alias) throw notFound(`alias ${name}`);
  return { alias, version: toVersionDto(row) };
}
