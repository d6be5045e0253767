import "server-only";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { executeSql, valueChunks, type TSqlRunner } from "../db/raw-sql.ts";
import { metadataEntries } from "./artifact-fields.ts";

/** Points the `metadata.<key>=<value>` filter index at the given (latest) version's metadata. */
export async function replaceMetadataEntries(tx: TSqlRunner, artifactId: string, metadata: Record<string, unknown>): Promise<void> {
  await executeSql(tx, Prisma.sql`DELETE FROM "ArtifactMetadataEntry" WHERE "artifactId" = ${artifactId}`);
  for (const rows of valueChunks(metadataEntries(metadata), (e) => Prisma.sql`(${artifactId}, ${e.key}, ${e.value})`)) {
    await executeSql(tx, Prisma.sql`INSERT INTO "ArtifactMetadataEntry" ("artifactId", "key", "value") VALUES ${Prisma.join(rows)}`);
  }
}
