import "server-only";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { queryRows, type TSqlRunner } from "../db/raw-sql.ts";
import type { TVersionRow } from "./serialize.ts";
import { VERSION_COLUMNS, VERSION_JOINS, toVersionRow } from "./select-artifact.ts";

/**
 * The newest version of an artifact older than `version` that still exists (versions are deleted
 * one by one, so the one numbered `version - 1` may be gone), or null when there is none. One
 * statement on the (artifactId, version) index. It does not authorize: callers have already
 * loaded the artifact through findVersionOrThrow or findArtifactOrThrow.
 */
export async function selectVersionBefore(db: TSqlRunner, artifactId: string, version: number): Promise<TVersionRow | null> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    Prisma.sql`
    SELECT ${VERSION_COLUMNS}
    FROM "ArtifactVersion" v ${VERSION_JOINS}
    WHERE v."artifactId" = ${artifactId} AND v."version" < ${version}
    ORDER BY v."version" DESC
    LIMIT 1`,
  );
  return rows[0] ? toVersionRow(rows[0]) : null;
}
