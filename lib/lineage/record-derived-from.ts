import "server-only";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { executeSql, type TSqlRunner } from "../db/raw-sql.ts";

/**
 * The new version's inputs, in its commit. Selected from the version table rather than inserted
 * as given, so an input deleted since it was checked drops out instead of failing the publish on
 * its foreign key (at most 100 ids, well under any bound-parameter limit).
 */
export async function recordDerivedFrom(tx: TSqlRunner, versionId: string, inputVersionIds: string[]): Promise<void> {
  await executeSql(
    tx,
    Prisma.sql`INSERT INTO "VersionInput" ("versionId", "inputVersionId")
      SELECT ${versionId}, v."id" FROM "ArtifactVersion" v WHERE v."id" IN (${Prisma.join(inputVersionIds)})
      ON CONFLICT DO NOTHING`,
  );
}
