import "server-only";
import type { Db } from "../db/client.ts";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { queryRows } from "../db/raw-sql.ts";
import { notFound, validationFailed } from "../errors.ts";
import { requireNamespace } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";
import { decodeCursor, encodeCursor } from "../pagination.ts";
import { liveArtifactSql } from "../artifacts/find-artifact-or-throw.ts";

type TInputRow = {
  versionId: string;
  readAt: Date;
  artifactId: string;
  version: number;
  createdAt: Date;
  name: string;
  namespace: string;
  sessionId: string | null;
};

/** The cursor is the last row's (read time, version row id), the order the page is read in. */
function decodeInputCursor(cursor: string | undefined): { readAt: Date; versionId: string } | undefined {
  const key = decodeCursor(cursor, "string");
  if (key === undefined) return undefined;
  const [at, versionId] = key.split("|");
  const readAt = new Date(at ?? "");
  if (!versionId || Number.isNaN(readAt.getTime())) {
    throw validationFailed("cursor is malformed; pass back the nextCursor of a previous page", { field: "cursor" });
  }
  return { readAt, versionId };
}

/**
 * The run's Read tab: the versions it downloaded (each once, at its first read), newest first.
 * Reads are recorded on the run of the artifact's namespace, so whoever can read the run's
 * namespace can read each of them; expired artifacts are gone for readers and left out.
 */
export async function listRunInputs(
  db: Db,
  principal: TPrincipal,
  namespace: string,
  runId: string,
  page: { limit: number; cursor?: string },
) {
  const after = decodeInputCursor(page.cursor);
  const ns = await requireNamespace(db, principal, namespace, "read");
  const run = await db.run.findUnique({
    where: { namespaceId_externalId: { namespaceId: ns.id, externalId: runId } },
    include: { session: { select: { externalId: true } } },
  });
  if (!run) throw notFound("run");
  const now = new Date();
  const rows = await queryRows<TInputRow>(
    db,
    Prisma.sql`SELECT rr."versionId", rr."createdAt" AS "readAt", v."artifactId", v."version", v."createdAt", a."name",
        n."name" AS "namespace", s."externalId" AS "sessionId"
      FROM "RunRead" rr
      JOIN "ArtifactVersion" v ON v."id" = rr."versionId"
      JOIN "Artifact" a ON a."id" = v."artifactId"
      JOIN "Namespace" n ON n."id" = a."namespaceId"
      LEFT JOIN "Session" s ON s."id" = a."sessionId"
      WHERE rr."runId" = ${run.id} AND a."namespaceId" = ${ns.id}
        AND ${liveArtifactSql("a", now)}
        ${
          after
            ? Prisma.sql`AND (rr."createdAt" < ${after.readAt} OR (rr."createdAt" = ${after.readAt} AND rr."versionId" < ${after.versionId}))`
            : Prisma.empty
        }
      ORDER BY rr."createdAt" DESC, rr."versionId" DESC
      LIMIT ${page.limit + 1}`,
  );
  const shown = rows.slice(0, page.limit);
  const last = shown[shown.length - 1];
  return {
    run: { id: run.externalId, namespace, sessionId: run.session?.externalId ?? null, createdAt: run.createdAt.toISOString() },
    inputs: shown.map((r) => ({
      artifactId: r.artifactId,
      namespace: r.namespace,
      name: r.name,
      sessionId: r.sessionId,
      version: r.version,
      createdAt: new Date(r.createdAt).toISOString(),
      readAt: new Date(r.readAt).toISOString(),
    })),
    nextCursor: rows.length > page.limit && last ? encodeCursor(`${new Date(last.readAt).toISOString()}|${last.versionId}`) : null,
  };
}
