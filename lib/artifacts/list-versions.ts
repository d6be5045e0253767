import "server-only";
import type { Db } from "../db/client.ts";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { queryRows } from "../db/raw-sql.ts";
import type { TPrincipal } from "../access/principal.ts";
import { decodeCursor, paginate } from "../pagination.ts";
import { authorizeArtifact } from "./find-artifact-or-throw.ts";
import { selectArtifact, toVersionRow, VERSION_COLUMNS, VERSION_JOINS } from "./select-artifact.ts";
import { toVersionDto } from "./serialize.ts";
import { aliasesOf, aliasNamesByVersion } from "../aliases/list-aliases.ts";

/**
 * Version history, newest first, each version with the aliases pointing at it: the artifact in one
 * statement, the page with its runs and creators in another, the aliases in a third.
 */
export async function listVersions(db: Db, principal: TPrincipal, id: string, options: { limit: number; cursor?: string }) {
  await authorizeArtifact(db, principal, (await selectArtifact(db, id))?.artifact, "read");
  const below = decodeCursor(options.cursor, "number");
  const rows = await queryRows<Record<string, unknown>>(
    db,
    Prisma.sql`
    SELECT ${VERSION_COLUMNS} FROM "ArtifactVersion" v ${VERSION_JOINS}
    WHERE v."artifactId" = ${id} ${below !== undefined ? Prisma.sql`AND v."version" < ${below}` : Prisma.empty}
    ORDER BY v."version" DESC LIMIT ${options.limit + 1}`,
  );
  const { page, nextCursor } = paginate(rows.map(toVersionRow), options.limit, (v) => v.version);
  const aliases = aliasNamesByVersion(await aliasesOf(db, id));
  return { versions: page.map((v) => ({ ...toVersionDto(v), aliases: aliases.get(v.version) ?? [] })), nextCursor };
}
