import "server-only";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { executeSql, insertRows, type TSqlRunner } from "../db/raw-sql.ts";
import { metadataEntries } from "./artifact-fields.ts";

/** Points the `metadata.<key>=<value>` filter index at the given (latest) version's metadata. */
export async function replaceMetadataEntries(tx: TSqlRunner, artifactId: string, metadata: Record<string, unknown>): Promise<void> {
  await executeSql(tx, Prisma.sql`DELETE FROM "ArtifactMetadataEntry" WHERE "artifactId" = ${artifactId}`);
  await insertRows(
    tx,
    Prisma.sql`"ArtifactMetadataEntry" ("artifactId", "key", "value")`,
    metadataEntries(metadata).map((e) => Prisma.sql`(${artifactId}, ${e.key}, ${e.value})`),
  );
}
