import "server-only";
import type { Db } from "../db/client.ts";
import { Prisma, type Artifact, type Namespace } from "../db/generated/sqlite/client.ts";
import { queryRows, type TSqlRunner } from "../db/raw-sql.ts";
import type { TVersionRow } from "./serialize.ts";

/** An artifact with what authorization and its serializer need, tags aside. */
export type TArtifactCore = Artifact & {
  namespace: Namespace;
  session: { externalId: string } | null;
  createdBy: { name: string };
};

// Every column is aliased, so the row maps onto the nested shape Prisma's includes would give.
const ARTIFACT_COLUMNS = Prisma.sql`
  a."id", a."namespaceId", a."sessionId", a."sessionKey", a."name", a."createdById", a."createdAt", a."updatedAt",
  a."latestVersion", a."nextVersion", a."expiresAt", a."retainUntil", a."protectedAliases",
  n."name" AS "n_name", n."kind" AS "n_kind", n."ownerIdentityId" AS "n_ownerIdentityId", n."groupId" AS "n_groupId",
  n."createdAt" AS "n_createdAt", n."quotaBytes" AS "n_quotaBytes", n."retentionDays" AS "n_retentionDays",
  n."keepVersions" AS "n_keepVersions", n."usedBytes" AS "n_usedBytes", n."reservedBytes" AS "n_reservedBytes",
  s."externalId" AS "s_externalId", c."name" AS "c_name"`;

export const VERSION_COLUMNS = Prisma.sql`
  v."id" AS "v_id", v."artifactId" AS "v_artifactId", v."version" AS "v_version", v."filename" AS "v_filename",
  v."mimeType" AS "v_mimeType", v."sizeBytes" AS "v_sizeBytes", v."sha256" AS "v_sha256", v."createdAt" AS "v_createdAt",
  v."createdById" AS "v_createdById", v."runId" AS "v_runId", v."tool" AS "v_tool", v."model" AS "v_model", v."customMetadata" AS "v_customMetadata",
  v."backend" AS "v_backend", v."storageKey" AS "v_storageKey", r."externalId" AS "r_externalId", vc."name" AS "vc_name"`;

/** The joins VERSION_COLUMNS reads from, for versions aliased `v`. */
export const VERSION_JOINS = Prisma.sql`LEFT JOIN "Run" r ON r."id" = v."runId" LEFT JOIN "Identity" vc ON vc."id" = v."createdById"`;

type TRaw = Record<string, unknown>;

/**
 * The artifact (with its namespace, session and creator) in one statement; with `version`, also
 * that version ("latest": the artifact's latest; { alias }: the one the alias points to) with its
 * run and creator. Null when no such artifact.
 */
export async function selectArtifact(
  db: TSqlRunner,
  id: string,
  version?: number | "latest" | { alias: string },
): Promise<{ artifact: TArtifactCore; version: TVersionRow | null } | null> {
  const withVersion = version !== undefined;
  const versionJoin =
    typeof version === "object"
      ? Prisma.sql`LEFT JOIN "ArtifactAlias" al ON al."artifactId" = a."id" AND al."name" = ${version.alias}
        LEFT JOIN "ArtifactVersion" v ON v."id" = al."versionId"`
      : Prisma.sql`LEFT JOIN "ArtifactVersion" v ON v."artifactId" = a."id" AND v."version" = ${version === "latest" ? Prisma.sql`a."latestVersion"` : Prisma.sql`${version ?? null}`}`;
  const rows = await queryRows<TRaw>(
    db,
    Prisma.sql`
    SELECT ${ARTIFACT_COLUMNS}${withVersion ? Prisma.sql`, ${VERSION_COLUMNS}` : Prisma.empty}
    FROM "Artifact" a
    JOIN "Namespace" n ON n."id" = a."namespaceId"
    JOIN "Identity" c ON c."id" = a."createdById"
    LEFT JOIN "Session" s ON s."id" = a."sessionId"
    ${withVersion ? Prisma.sql`${versionJoin} ${VERSION_JOINS}` : Prisma.empty}
    WHERE a."id" = ${id}`,
  );
  const row = rows[0];
  if (!row) return null;
  return { artifact: toArtifactCore(row), version: withVersion && row.v_id !== null ? toVersionRow(row) : null };
}

/**
 * Many artifacts, each with its latest version, in one statement (a listing page), in no
 * particular order. Tags are not included.
 */
export async function selectArtifactsWithLatest(
  db: Db,
  ids: string[],
): Promise<Map<string, { artifact: TArtifactCore; latest: TVersionRow | null }>> {
  if (!ids.length) return new Map();
  const rows = await queryRows<TRaw>(
    db,
    Prisma.sql`
    SELECT ${ARTIFACT_COLUMNS}, ${VERSION_COLUMNS}
    FROM "Artifact" a
    JOIN "Namespace" n ON n."id" = a."namespaceId"
    JOIN "Identity" c ON c."id" = a."createdById"
    LEFT JOIN "Session" s ON s."id" = a."sessionId"
    LEFT JOIN "ArtifactVersion" v ON v."artifactId" = a."id" AND v."version" = a."latestVersion" ${VERSION_JOINS}
    WHERE a."id" IN (${Prisma.join(ids)})`,
  );
  return new Map(rows.map((r) => [r.id as string, { artifact: toArtifactCore(r), latest: r.v_id === null ? null : toVersionRow(r) }]));
}

function toArtifactCore(r: TRaw): TArtifactCore {
  return {
    id: r.id as string,
    namespaceId: r.namespaceId as string,
    sessionId: r.sessionId as string | null,
    sessionKey: r.sessionKey as string,
    name: r.name as string,
    createdById: r.createdById as string,
    createdAt: r.createdAt as Date,
    updatedAt: r.updatedAt as Date,
    latestVersion: r.latestVersion as number | null,
    nextVersion: r.nextVersion as number,
    expiresAt: r.expiresAt as Date | null,
    retainUntil: r.retainUntil as Date | null,
    protectedAliases: Number(r.protectedAliases),
    namespace: {
      id: r.namespaceId as string,
      name: r.n_name as string,
      kind: r.n_kind as string,
      ownerIdentityId: r.n_ownerIdentityId as string | null,
      groupId: r.n_groupId as string | null,
      createdAt: r.n_createdAt as Date,
      quotaBytes: r.n_quotaBytes as bigint | null,
      retentionDays: r.n_retentionDays as number | null,
      keepVersions: r.n_keepVersions as number | null,
      usedBytes: r.n_usedBytes as bigint,
      reservedBytes: r.n_reservedBytes as bigint,
    },
    session: r.s_externalId === null ? null : { externalId: r.s_externalId as string },
    createdBy: { name: r.c_name as string },
  };
}

/** A row read with VERSION_COLUMNS, in the shape of a version with VERSION_INCLUDE. */
export function toVersionRow(r: TRaw): TVersionRow {
  return {
    id: r.v_id as string,
    artifactId: r.v_artifactId as string,
    version: r.v_version as number,
    filename: r.v_filename as string,
    mimeType: r.v_mimeType as string,
    sizeBytes: BigInt(r.v_sizeBytes as bigint),
    sha256: r.v_sha256 as string,
    createdAt: r.v_createdAt as Date,
    tool: (r.v_tool ?? null) as string | null,
    model: (r.v_model ?? null) as string | null,
    createdById: r.v_createdById as string,
    runId: r.v_runId as string | null,
    customMetadata: r.v_customMetadata as string,
    backend: r.v_backend as string,
    storageKey: r.v_storageKey as string,
    run: r.r_externalId === null ? null : { externalId: r.r_externalId as string },
    createdBy: { name: r.vc_name as string },
  };
}
