import "server-only";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { queryRows, type TSqlRunner } from "../db/raw-sql.ts";
import { liveArtifactSql } from "../artifacts/find-artifact-or-throw.ts";

/** The highest Namespace.keepVersions an admin may set. */
export const MAX_KEEP_VERSIONS = 10_000;

/** A namespace's keep-last-N rule; null keeps every version. */
export type TKeepRule = { id: string; keepVersions: number | null };

export type TExcessVersion = {
  versionId: string;
  artifactId: string;
  name: string;
  version: number;
  sizeBytes: bigint;
  sha256: string;
  backend: string;
  storageKey: string;
};

export type TExcessScope = {
  now?: Date;
  /** Only these versions (the sweep's re-check under the artifact's row lock). */
  versionIds?: string[];
  /** Keyset: versions after this one in (artifactId, version) order. */
  after?: { artifactId: string; version: number };
  limit?: number;
};

/**
 * The keep-last-N rule as SQL over versions "v" of artifacts "a": a version of a live artifact of
 * the namespace that at least N newer versions follow, that is not the latest, and that no
 * protected alias points at. Protected versions stay on top of the N, so an alias never shortens
 * what the rule keeps. Expired artifacts are left out: the age rule removes them whole.
 */
function excessVersionWhere(rule: { id: string; keepVersions: number }, now: Date): Prisma.Sql {
  return Prisma.sql`a."namespaceId" = ${rule.id}
    AND ${liveArtifactSql("a", now)}
    AND v."version" <> a."latestVersion"
    AND NOT EXISTS (SELECT 1 FROM "ArtifactAlias" al WHERE al."versionId" = v."id" AND al."protected" = ${true})
    AND (SELECT COUNT(*) FROM "ArtifactVersion" n WHERE n."artifactId" = v."artifactId" AND n."version" > v."version") >= ${rule.keepVersions}`;
}

/**
 * What the keep-last-N rule would remove, in (artifactId, version) order: the one selection the
 * preview lists and the sweep deletes (and re-checks under the row lock), so they cannot disagree.
 */
export async function selectExcessVersions(db: TSqlRunner, rule: TKeepRule, scope: TExcessScope = {}): Promise<TExcessVersion[]> {
  if (rule.keepVersions === null || scope.versionIds?.length === 0) return [];
  const now = scope.now ?? new Date();
  const only = scope.versionIds ? Prisma.sql`AND v."id" IN (${Prisma.join(scope.versionIds)})` : Prisma.empty;
  const after = scope.after
    ? Prisma.sql`AND (v."artifactId" > ${scope.after.artifactId} OR (v."artifactId" = ${scope.after.artifactId} AND v."version" > ${scope.after.version}))`
    : Prisma.empty;
  const limit = scope.limit ? Prisma.sql`LIMIT ${scope.limit}` : Prisma.empty;
  return queryRows<TExcessVersion>(
    db,
    Prisma.sql`SELECT v."id" AS "versionId", v."artifactId", a."name", v."version", v."sizeBytes", v."sha256", v."backend", v."storageKey"
      FROM "ArtifactVersion" v JOIN "Artifact" a ON a."id" = v."artifactId"
      WHERE ${excessVersionWhere({ id: rule.id, keepVersions: rule.keepVersions }, now)} ${only} ${after}
      ORDER BY v."artifactId" ASC, v."version" ASC ${limit}`,
  );
}

/** The bytes every version selectExcessVersions would return holds, without listing them. */
export async function sumExcessVersions(db: TSqlRunner, rule: TKeepRule, now = new Date()): Promise<bigint> {
  if (rule.keepVersions === null) return 0n;
  const [row] = await queryRows<{ bytes: unknown }>(
    db,
    Prisma.sql`SELECT COALESCE(SUM(v."sizeBytes"), 0) AS "bytes"
      FROM "ArtifactVersion" v JOIN "Artifact" a ON a."id" = v."artifactId"
      WHERE ${excessVersionWhere({ id: rule.id, keepVersions: rule.keepVersions }, now)}`,
  );
  // SUM is numeric on PostgreSQL (a string through the driver), an integer on SQLite.
  return BigInt(String(row?.bytes ?? 0));
}
