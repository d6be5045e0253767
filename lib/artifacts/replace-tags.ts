import "server-only";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { executeSql, valueChunks, type TSqlRunner } from "../db/raw-sql.ts";

export async function replaceTags(tx: TSqlRunner, artifactId: string, tags: string[]): Promise<void> {
  await executeSql(tx, Prisma.sql`DELETE FROM "ArtifactTag" WHERE "artifactId" = ${artifactId}`);
  for (const rows of valueChunks(tags, (tag) => Prisma.sql`(${artifactId}, ${tag})`)) {
    await executeSql(tx, Prisma.sql`INSERT INTO "ArtifactTag" ("artifactId", "tag") VALUES ${Prisma.join(rows)}`);
  }
}
