import "server-only";
import type { Db } from "../db/client.ts";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { queryRows } from "../db/raw-sql.ts";
import { StowageError } from "../errors.ts";
import { canAccess } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";
import { findVersionOrThrow } from "../artifacts/find-artifact-or-throw.ts";
import { READ_BY_LIMIT } from "../api-contract/lineage.ts";

/**
 * A version's lineage, as far as the caller can see: who and what produced it, the inputs it
 * names that the caller can read (each checked as a read of its own), and, for callers who can
 * read the artifact's namespace (not a share recipient), the runs that downloaded it.
 */
export async function getVersionLineage(db: Db, principal: TPrincipal, artifactId: string, version: number) {
  const { artifact, row } = await findVersionOrThrow(db, principal, artifactId, version);
  const inputs = await queryRows<{ artifactId: string; version: number }>(
    db,
    Prisma.sql`SELECT v."artifactId", v."version" FROM "VersionInput" vi JOIN "ArtifactVersion" v ON v."id" = vi."inputVersionId"
      WHERE vi."versionId" = ${row.id} ORDER BY v."artifactId", v."version"`,
  );
  const derivedFrom = [];
  for (const input of inputs) {
    const readable = await findVersionOrThrow(db, principal, input.artifactId, input.version).catch((error: unknown) => {
      if (error instanceof StowageError && error.code === "ARTIFACT_NOT_FOUND") return null;
      throw error;
    });
    if (!readable) continue;
    derivedFrom.push({
      artifactId: readable.artifact.id,
      namespace: readable.artifact.namespace.name,
      name: readable.artifact.name,
      sessionId: readable.artifact.session?.externalId ?? null,
      version: readable.row.version,
      createdAt: readable.row.createdAt.toISOString(),
    });
  }
  const readBy = canAccess(principal, artifact.namespace, "read")
    ? await queryRows<{ runId: string; key: string; namespace: string; readAt: Date }>(
        db,
        Prisma.sql`SELECT r."externalId" AS "runId", r."id" AS "key", n."name" AS "namespace", rr."createdAt" AS "readAt"
          FROM "RunRead" rr JOIN "Run" r ON r."id" = rr."runId" JOIN "Namespace" n ON n."id" = r."namespaceId"
          WHERE rr."versionId" = ${row.id} ORDER BY rr."createdAt" DESC, r."id" DESC LIMIT ${READ_BY_LIMIT}`,
      )
    : [];
  return {
    artifactId: row.artifactId,
    version: row.version,
    producedBy: {
      run: row.run?.externalId ?? null,
      identity: row.createdBy.name,
      tool: row.tool,
      model: row.model,
      createdAt: row.createdAt.toISOString(),
    },
    derivedFrom,
    readBy: readBy.map((r) => ({ runId: r.runId, key: r.key, namespace: r.namespace, readAt: new Date(r.readAt).toISOString() })),
  };
}
