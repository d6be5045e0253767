import "server-only";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { executeSql, queryRows, type TSqlRunner } from "../db/raw-sql.ts";
import { releaseVersions } from "./release-versions.ts";

/** Only an artifact expired at this instant, no protected alias holding it (the sweep's re-check under the lock). */
export type TDeleteCondition = { expiredAt?: Date };

/**
 * What the expiry sweep removes, for artifacts aliased `alias` ("a"; "" for none): past expiresAt
 * or retainUntil at `at`, and no protected alias holding it.
 */
export function expiredArtifactSql(alias: string, at: Date): Prisma.Sql {
  const c = (column: string) => Prisma.raw(alias ? `${alias}."${column}"` : `"${column}"`);
  return Prisma.sql`(${c("expiresAt")} <= ${at} OR ${c("retainUntil")} <= ${at}) AND ${c("protectedAliases")} = 0`;
}

const conditionSql = (c: TDeleteCondition) => (c.expiredAt ? Prisma.sql`AND ${expiredArtifactSql("", c.expiredAt)}` : Prisma.empty);

/**
 * Locks the artifact row in the caller's transaction (the row lock on PostgreSQL, the write lock
 * on SQLite) with a no-op update, so deletes racing each other release each version once.
 * False when no row matches.
 */
export async function lockArtifactRow(tx: TSqlRunner, id: string, condition: TDeleteCondition = {}): Promise<boolean> {
  return (
    (await executeSql(tx, Prisma.sql`UPDATE "Artifact" SET "nextVersion" = "nextVersion" WHERE "id" = ${id} ${conditionSql(condition)}`)) >
    0
  );
}

export type TDeletedArtifact = { pendingIds: string[]; versions: number; bytes: bigint };

/**
 * Deletes an artifact in the caller's transaction (versions, tags, metadata, shares and links
 * cascade) if it still matches `condition`, and releases its versions (releaseVersions). The row
 * is locked before the versions are read, so a delete racing this one (a user's, the sweep's, a
 * publish replacing an expired artifact) releases each version once. Null when nothing matched.
 */
export async function deleteArtifactRows(
  tx: TSqlRunner,
  artifact: { id: string; namespaceId: string },
  condition: TDeleteCondition = {},
): Promise<TDeletedArtifact | null> {
  if (!(await lockArtifactRow(tx, artifact.id, condition))) return null;
  const versions = await queryRows<{ backend: string; storageKey: string; sizeBytes: bigint }>(
    tx,
    Prisma.sql`SELECT "backend", "storageKey", "sizeBytes" FROM "ArtifactVersion" WHERE "artifactId" = ${artifact.id}`,
  );
  await executeSql(tx, Prisma.sql`DELETE FROM "Artifact" WHERE "id" = ${artifact.id}`);
  const pendingIds = await releaseVersions(
    tx,
    versions.map((v) => ({ ...v, namespaceId: artifact.namespaceId })),
  );
  return { pendingIds, versions: versions.length, bytes: versions.reduce((sum, v) => sum + v.sizeBytes, 0n) };
}
