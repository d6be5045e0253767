import "server-only";
import type { Db } from "../db/client.ts";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { executeSql, queryRows } from "../db/raw-sql.ts";
import { normalizeClientId } from "../artifacts/artifact-name.ts";
import { newId } from "../ids.ts";
import type { TPrincipal } from "../access/principal.ts";

/** The header a request names its run with (beside the `runId` query parameter). */
export const RUN_HEADER = "x-stowage-run";

/**
 * The run a read request carries: the X-Stowage-Run header, else the `runId` query parameter;
 * undefined when neither. A malformed id is ARTIFACT_VALIDATION_FAILED, before anything is read.
 */
export function runIdOf(headers: Headers, url: URL): string | undefined {
  const value = headers.get(RUN_HEADER) ?? url.searchParams.get("runId");
  return value === null ? undefined : normalizeClientId(value, "runId");
}

export type TRunRead = {
  /** The client's run id (X-Stowage-Run); nothing is recorded without one. */
  runId: string | null | undefined;
  artifactId: string;
  version: number;
  /** The artifact's namespace and the version's row id, when the caller has them: one statement less to find them. */
  namespaceId?: string;
  versionId?: string;
};

/**
 * Records that a run read a version, once per (run, version). Call it only after the read was
 * authorized. The run is the run of that id in the artifact's namespace (where a publish with
 * that runId would put it), created there if it does not exist yet. On the hot path it is one
 * INSERT … SELECT … ON CONFLICT DO NOTHING outside any transaction; a repeated read adds one
 * indexed SELECT. Never throws: a failure to record must not fail the read (it is logged).
 */
export async function recordRunRead(db: Db, _principal: TPrincipal, read: TRunRead): Promise<void> {
  if (!read.runId) return;
  try {
    if ((await insertRead(db, read)) > 0) return;
    const [ns] = await queryRows<{ namespaceId: string; runExists: number | bigint | boolean | null }>(
      db,
      Prisma.sql`SELECT a."namespaceId",
          (SELECT 1 FROM "Run" r WHERE r."namespaceId" = a."namespaceId" AND r."externalId" = ${read.runId}) AS "runExists"
        FROM "Artifact" a WHERE a."id" = ${read.artifactId}`,
    );
    // Already recorded (the run exists), or the artifact is gone.
    if (!ns || ns.runExists) return;
    await executeSql(
      db,
      Prisma.sql`INSERT INTO "Run" ("id", "namespaceId", "externalId", "sessionId", "createdAt")
        VALUES (${newId()}, ${ns.namespaceId}, ${read.runId}, ${null}, ${new Date()})
        ON CONFLICT ("namespaceId", "externalId") DO NOTHING`,
    );
    await insertRead(db, read);
  } catch (error) {
    console.error(
      `Stowage: could not record the read of ${read.artifactId}@${read.version} by run ${read.runId}:`,
      (error as Error)?.message ?? error,
    );
  }
}

function insertRead(db: Db, read: TRunRead): Promise<number> {
  const now = new Date();
  const runId = read.runId!;
  // The SELECT has a WHERE clause, so SQLite cannot take ON CONFLICT for a join's ON.
  return executeSql(
    db,
    read.namespaceId && read.versionId
      ? Prisma.sql`INSERT INTO "RunRead" ("runId", "versionId", "createdAt")
          SELECT r."id", ${read.versionId}, ${now} FROM "Run" r WHERE r."namespaceId" = ${read.namespaceId} AND r."externalId" = ${runId}
          ON CONFLICT DO NOTHING`
      : Prisma.sql`INSERT INTO "RunRead" ("runId", "versionId", "createdAt")
          SELECT r."id", v."id", ${now}
          FROM "ArtifactVersion" v JOIN "Artifact" a ON a."id" = v."artifactId", "Run" r
          WHERE v."artifactId" = ${read.artifactId} AND v."version" = ${read.version}
            AND r."namespaceId" = a."namespaceId" AND r."externalId" = ${runId}
          ON CONFLICT DO NOTHING`,
  );
}
