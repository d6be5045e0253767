import "server-only";
import type { Db } from "../db/client.ts";
import { notFound } from "../errors.ts";
import { requireNamespace } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";
import { listArtifacts } from "./list-artifacts.ts";
import { decodeCursor } from "../pagination.ts";
import { VERSION_INCLUDE, toVersionDto } from "./serialize.ts";

type TPage = { limit: number; cursor?: string };

/** The run's Artifacts tab: every artifact the run published, with the versions it published. */
export async function getRunArtifacts(db: Db, principal: TPrincipal, namespace: string, runId: string, page: TPage) {
  decodeCursor(page.cursor, "string"); // a malformed cursor is 400 whether or not the run exists
  const ns = await requireNamespace(db, principal, namespace, "read");
  const run = await db.run.findUnique({
    where: { namespaceId_externalId: { namespaceId: ns.id, externalId: runId } },
    include: { session: { select: { externalId: true } } },
  });
  if (!run) throw notFound("run");
  const { artifacts, nextCursor } = await listArtifacts(db, principal, { namespace, ...page }, { runRowId: run.id });
  const versions = artifacts.length
    ? await db.artifactVersion.findMany({
        where: { runId: run.id, artifactId: { in: artifacts.map((a) => a.id) } },
        orderBy: { version: "desc" },
        include: VERSION_INCLUDE,
      })
    : [];
  return {
    run: { id: run.externalId, namespace, sessionId: run.session?.externalId ?? null, createdAt: run.createdAt.toISOString() },
    artifacts: artifacts.map((a) => ({ ...a, runVersions: versions.filter((v) => v.artifactId === a.id).map(toVersionDto) })),
    nextCursor,
  };
}

/** A session rolls up its own artifacts and everything any of its runs published. */
export async function getSessionArtifacts(db: Db, principal: TPrincipal, namespace: string, sessionId: string, page: TPage) {
  decodeCursor(page.cursor, "string");
  const ns = await requireNamespace(db, principal, namespace, "read");
  const session = await db.session.findUnique({
    where: { namespaceId_externalId: { namespaceId: ns.id, externalId: sessionId } },
    include: { runs: { orderBy: { id: "desc" }, select: { externalId: true, createdAt: true } } },
  });
  if (!session) throw notFound("session");
  const { artifacts, nextCursor } = await listArtifacts(db, principal, { namespace, ...page }, { sessionRollupId: session.id });
  return {
    session: {
      id: session.externalId,
      namespace,
      createdAt: session.createdAt.toISOString(),
      runs: session.runs.map((r) => ({ id: r.externalId, createdAt: r.createdAt.toISOString() })),
    },
    artifacts,
    nextCursor,
  };
}
