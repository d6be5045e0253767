import "server-only";
import type { Db } from "../db/client.ts";
import { validationFailed } from "../errors.ts";
import { readableNamespaceFilter, requireNamespace } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";
import { decodeCursor, paginate } from "../pagination.ts";
import { parseInstant } from "../parse-instant.ts";
import { liveArtifactWhere } from "./find-artifact-or-throw.ts";

export type TRunFilter = { namespace?: string; sessionId?: string; from?: string; to?: string; limit: number; cursor?: string };
export type TSessionFilter = Omit<TRunFilter, "sessionId">;

const toDate = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms));

/** What both listings share: the caller's namespaces (or one), a creation-time window, a cursor. */
async function scope(db: Db, principal: TPrincipal, f: TSessionFilter) {
  const after = decodeCursor(f.cursor, "string");
  const from = toDate(parseInstant(f.from, "from"));
  const to = toDate(parseInstant(f.to, "to"));
  const ns = f.namespace ? await requireNamespace(db, principal, f.namespace, "read") : undefined;
  return {
    ...(ns ? { namespaceId: ns.id } : { namespace: readableNamespaceFilter(principal) }),
    ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
    ...(after ? { id: { lt: after } } : {}),
  };
}

/**
 * Runs the caller can see, newest first, each with how many live artifacts and versions it
 * published: the dashboard's runs list. Ids are time-ordered, so the cursor is the last id.
 */
export async function listRuns(db: Db, principal: TPrincipal, f: TRunFilter) {
  if (f.sessionId !== undefined && !f.namespace)
    throw validationFailed("sessionId needs namespace (session ids are per namespace)", { field: "sessionId" });
  const where = await scope(db, principal, f);
  const rows = await db.run.findMany({
    where: { ...where, ...(f.sessionId !== undefined ? { session: { externalId: f.sessionId } } : {}) },
    orderBy: { id: "desc" },
    take: f.limit + 1,
    include: { namespace: { select: { name: true } }, session: { select: { externalId: true } } },
  });
  const { page, nextCursor } = paginate(rows, f.limit, (r) => r.id);
  const published = page.length
    ? await db.artifactVersion.groupBy({
        by: ["runId", "artifactId"],
        where: { runId: { in: page.map((r) => r.id) }, artifact: liveArtifactWhere() },
        _count: true,
      })
    : [];
  return {
    runs: page.map((r) => {
      const mine = published.filter((p) => p.runId === r.id);
      return {
        id: r.externalId,
        /** The run's own row id: the dashboard's /runs/{key} (a run id is only unique within its namespace). */
        key: r.id,
        namespace: r.namespace.name,
        sessionKey: r.sessionId,
        sessionId: r.session?.externalId ?? null,
        createdAt: r.createdAt.toISOString(),
        artifactCount: mine.length,
        versionCount: mine.reduce((n, p) => n + p._count, 0),
      };
    }),
    nextCursor,
  };
}

/** Sessions the caller can see, newest first, with their run counts. */
export async function listSessions(db: Db, principal: TPrincipal, f: TSessionFilter) {
  const where = await scope(db, principal, f);
  const rows = await db.session.findMany({
    where,
    orderBy: { id: "desc" },
    take: f.limit + 1,
    include: { namespace: { select: { name: true } }, _count: { select: { runs: true } } },
  });
  const { page, nextCursor } = paginate(rows, f.limit, (s) => s.id);
  return {
    sessions: page.map((s) => ({
      id: s.externalId,
      key: s.id,
      namespace: s.namespace.name,
      createdAt: s.createdAt.toISOString(),
      runCount: s._count.runs,
    })),
    nextCursor,
  };
}
