import "server-only";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { executeSql, insertRows, type TSqlRunner } from "../db/raw-sql.ts";

export async function replaceTags(tx: TSqlRunner, artifactId: string, tags: string[]): Promise<void> {
  await executeSql(tx, Prisma.sql`DELETE FROM "ArtifactTag" WHERE "artifactId" = ${artifactId}`);
  await insertRows(
    tx,
    Prisma.sql`"ArtifactTag" ("artifactId", "tag")`,
    tags.map((tag) => Prisma.sql`(${artifactId}, ${tag})`),
  );
}
