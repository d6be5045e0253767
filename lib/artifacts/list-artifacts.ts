import "server-only";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/sqlite/client.ts";
import { readableNamespaceFilter, requireNamespace } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";
import { decodeCursor, paginate } from "../pagination.ts";
import { ARTIFACT_INCLUDE, VERSION_INCLUDE, toArtifactDto } from "./serialize.ts";

export type TListFilter = {
  namespace?: string;
  sessionId?: string;
  runId?: string;
  tag?: string;
  namePrefix?: string;
  metadata?: Record<string, string>;
  limit: number;
  cursor?: string;
};

/** Internal scopes used by the run and session views. */
export type TListScope = { runRowId?: string; sessionRollupId?: string };

/**
 * Newest first, keyset-paginated on the time-ordered primary key, so every page is an index
 * range scan however many artifacts precede it (see bench/list-artifacts.bench.ts).
 */
export async function listArtifacts(db: Db, principal: TPrincipal, filter: TListFilter, scope: TListScope = {}) {
  const afterId = decodeCursor(filter.cursor, "string");
  const and: Prisma.ArtifactWhereInput[] = [
    { latestVersion: { not: null } },
    { OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
  ];
  if (filter.namespace) {
    const ns = await requireNamespace(db, principal, filter.namespace, "read");
    and.push({ namespaceId: ns.id });
  } else {
    const readable = readableNamespaceFilter(principal);
    if (readable) and.push({ namespace: readable });
  }
  if (filter.sessionId) and.push({ session: { externalId: filter.sessionId } });
  if (filter.runId) and.push({ versions: { some: { run: { externalId: filter.runId } } } });
  if (filter.tag) and.push({ tags: { some: { tag: filter.tag } } });
  if (filter.namePrefix) and.push({ name: { startsWith: filter.namePrefix } });
  for (const [key, value] of Object.entries(filter.metadata ?? {})) and.push({ metadata: { some: { key, value } } });
  if (scope.runRowId) and.push({ versions: { some: { runId: scope.runRowId } } });
  if (scope.sessionRollupId) {
    and.push({ OR: [{ sessionId: scope.sessionRollupId }, { versions: { some: { run: { sessionId: scope.sessionRollupId } } } }] });
  }

  const rows = await findRows(db, and, afterId, filter.limit, filter.namePrefix);
  const { page, nextCursor } = paginate(rows, filter.limit, (a) => a.id);
  // One indexed lookup of exactly the latest versions, instead of including every version.
  const latest = page.length
    ? await db.artifactVersion.findMany({
        where: { OR: page.map((a) => ({ artifactId: a.id, version: a.latestVersion! })) },
        include: VERSION_INCLUDE,
      })
    : [];
  const byArtifact = new Map(latest.map((v) => [v.artifactId, v]));
  return { artifacts: page.map((a) => toArtifactDto(a, byArtifact.get(a.id) ?? null)), nextCursor };
}

/**
 * Up to `limit + 1` matching rows after the cursor. `startsWith` becomes SQL LIKE, which Prisma
 * does not escape (`_` and `%` stay wildcards) and which SQLite compares case-insensitively, so it
 * finds a superset of the names that really start with the prefix: the others are dropped here,
 * reading on until the page is full.
 */
async function findRows(db: Db, and: Prisma.ArtifactWhereInput[], afterId: string | undefined, limit: number, namePrefix: string | undefined) {
  const rows = [];
  for (let after = afterId; ; ) {
    const batch = await db.artifact.findMany({
      where: { AND: after ? [...and, { id: { lt: after } }] : and },
      orderBy: { id: "desc" },
      take: limit + 1,
      include: ARTIFACT_INCLUDE,
    });
    rows.push(...(namePrefix ? batch.filter((a) => a.name.startsWith(namePrefix)) : batch));
    if (rows.length > limit || batch.length <= limit) return rows.slice(0, limit + 1);
    after = batch[batch.length - 1]!.id;
  }
}
