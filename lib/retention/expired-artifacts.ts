import "server-only";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { queryRows, type TSqlRunner } from "../db/raw-sql.ts";
import { expiredArtifactSql } from "../gc/delete-artifact-rows.ts";

export type TExpiredArtifact = {
  artifactId: string;
  name: string;
  /** "expiresAt": its own expiry passed; "retentionDays": the namespace's age rule ended it. */
  reason: "expiresAt" | "retentionDays";
  versions: number;
  sizeBytes: bigint;
};

// The condition the expiry sweep re-checks under the row lock before it deletes.
const expiredWhere = (namespaceId: string, now: Date) => Prisma.sql`a."namespaceId" = ${namespaceId} AND ${expiredArtifactSql("a", now)}`;

/** The namespace's artifacts the age rule has expired and the next sweep removes whole, by id, with what they hold. */
export async function selectExpiredArtifacts(
  db: TSqlRunner,
  namespaceId: string,
  options: { now?: Date; limit?: number } = {},
): Promise<TExpiredArtifact[]> {
  const now = options.now ?? new Date();
  const rows = await queryRows<{ artifactId: string; name: string; ownExpiry: unknown; versions: unknown; sizeBytes: unknown }>(
    db,
    Prisma.sql`SELECT a."id" AS "artifactId", a."name",
        CASE WHEN a."expiresAt" <= ${now} THEN 1 ELSE 0 END AS "ownExpiry",
        (SELECT COUNT(*) FROM "ArtifactVersion" v WHERE v."artifactId" = a."id") AS "versions",
        (SELECT COALESCE(SUM(v."sizeBytes"), 0) FROM "ArtifactVersion" v WHERE v."artifactId" = a."id") AS "sizeBytes"
      FROM "Artifact" a WHERE ${expiredWhere(namespaceId, now)}
      ORDER BY a."id" ASC ${options.limit ? Prisma.sql`LIMIT ${options.limit}` : Prisma.empty}`,
  );
  return rows.map((r) => ({
    artifactId: r.artifactId,
    name: r.name,
    reason: Number(r.ownExpiry) === 1 ? "expiresAt" : "retentionDays",
    versions: Number(r.versions),
    // COUNT and SUM come back as bigint, number or string depending on the database.
    sizeBytes: BigInt(String(r.sizeBytes ?? 0)),
  }));
}

/** The bytes every artifact selectExpiredArtifacts would return holds. */
export async function sumExpiredArtifacts(db: TSqlRunner, namespaceId: string, now = new Date()): Promise<bigint> {
  const [row] = await queryRows<{ bytes: unknown }>(
    db,
    Prisma.sql`SELECT COALESCE(SUM(v."sizeBytes"), 0) AS "bytes"
      FROM "ArtifactVersion" v JOIN "Artifact" a ON a."id" = v."artifactId" WHERE ${expiredWhere(namespaceId, now)}`,
  );
  return BigInt(String(row?.bytes ?? 0));
}
