import "server-only";
import type { Db } from "../db/client.ts";
import { notFound } from "../errors.ts";
import { canAccess } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";
import { decodeCursor } from "../pagination.ts";
import { listArtifacts } from "./list-artifacts.ts";

/** Runs listed in the session's header; the page says when there are more. */
const RUNS_SHOWN = 100;

/**
 * The dashboard's session page, addressed by the session's row id (`key`): the session, its runs,
 * and one page of the roll-up (the session's own artifacts and everything its runs published),
 * each artifact with the runs of this session that published versions of it.
 */
export async function getSessionView(db: Db, principal: TPrincipal, key: string, page: { limit: number; cursor?: string }) {
  decodeCursor(page.cursor, "string");
  const session = await db.session.findUnique({
    where: { id: key },
    include: {
      namespace: { include: { grants: true } },
      runs: { orderBy: { id: "desc" }, take: RUNS_SHOWN, select: { id: true, externalId: true, createdAt: true } },
      _count: { select: { runs: true } },
    },
  });
  if (!session || !canAccess(principal, session.namespace, "read")) throw notFound("session");

  const { artifacts, nextCursor } = await listArtifacts(
    db,
    principal,
    { namespace: session.namespace.name, ...page },
    { sessionRollupId: session.id },
  );
  const publishedBy = artifacts.length
    ? await db.artifactVersion.findMany({
        where: { artifactId: { in: artifacts.map((a) => a.id) }, run: { sessionId: session.id } },
        orderBy: { version: "desc" },
        select: { artifactId: true, version: true, run: { select: { id: true, externalId: true } } },
      })
    : [];
  return {
    session: {
      key: session.id,
      id: session.externalId,
      namespace: session.namespace.name,
      createdAt: session.createdAt.toISOString(),
      runCount: session._count.runs,
      runs: session.runs.map((r) => ({ key: r.id, id: r.externalId, createdAt: r.createdAt.toISOString() })),
    },
    artifacts: artifacts.map((a) => {
      const runs = new Map<string, { key: string; id: string }>();
      for (const v of publishedBy) if (v.artifactId === a.id && v.run) runs.set(v.run.id, { key: v.run.id, id: v.run.externalId });
      return { ...a, runs: [...runs.values()] };
    }),
    nextCursor,
  };
}
