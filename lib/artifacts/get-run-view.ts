import "server-only";
import type { Db } from "../db/client.ts";
import { notFound } from "../errors.ts";
import { canAccess } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";
import { decodeCursor, paginate } from "../pagination.ts";
import { liveArtifactWhere } from "./find-artifact-or-throw.ts";
import { ARTIFACT_INCLUDE, VERSION_INCLUDE, toArtifactDto, toVersionDto } from "./serialize.ts";

/**
 * The dashboard's run page, addressed by the run's row id (`key`): the run and one page of the
 * artifacts it published, newest first, each with the versions this run published (newest first).
 *
 * Driven by the (runId, artifactId) index: a GROUP BY over the run's own versions, keyset-paged on
 * artifactId, so a page costs the same whether the namespace holds ten artifacts or a million.
 * A run the principal may not read is "not found", like one that does not exist.
 */
export async function getRunView(db: Db, principal: TPrincipal, key: string, page: { limit: number; cursor?: string }) {
  const after = decodeCursor(page.cursor, "string");
  const run = await db.run.findUnique({
    where: { id: key },
    include: { namespace: { include: { grants: true } }, session: { select: { id: true, externalId: true } } },
  });
  if (!run || !canAccess(principal, run.namespace, "read")) throw notFound("run");

  const now = new Date();
  const published = { runId: run.id, artifact: liveArtifactWhere(now) };
  const [groups, artifactCount] = await Promise.all([
    db.artifactVersion.groupBy({
      by: ["artifactId"],
      where: { ...published, ...(after ? { artifactId: { lt: after } } : {}) },
      orderBy: { artifactId: "desc" },
      take: page.limit + 1,
    }),
    // Only the first page shows the total. Counted from the run's versions (the same index): an
    // artifact count with EXISTS would visit every live artifact of every namespace.
    after ? Promise.resolve(null) : db.artifactVersion.groupBy({ by: ["artifactId"], where: published }).then((g) => g.length),
  ]);
  const { page: ids, nextCursor } = paginate(
    groups.map((g) => g.artifactId),
    page.limit,
    (id) => id,
  );
  const [artifacts, runVersions] = ids.length
    ? await Promise.all([
        db.artifact.findMany({ where: { id: { in: ids } }, include: ARTIFACT_INCLUDE, orderBy: { id: "desc" } }),
        db.artifactVersion.findMany({
          where: { runId: run.id, artifactId: { in: ids } },
          orderBy: { version: "desc" },
          include: VERSION_INCLUDE,
        }),
      ])
    : [[], []];
  return {
    run: {
      key: run.id,
      id: run.externalId,
      namespace: run.namespace.name,
      sessionKey: run.session?.id ?? null,
      sessionId: run.session?.externalId ?? null,
      createdAt: run.createdAt.toISOString(),
    },
    artifactCount,
    artifacts: artifacts.map((a) => ({
      ...toArtifactDto(a),
      runVersions: runVersions.filter((v) => v.artifactId === a.id).map(toVersionDto),
    })),
    nextCursor,
  };
}
