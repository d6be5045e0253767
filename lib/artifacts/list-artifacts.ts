import "server-only";
import { dialectOf, type Db } from "../db/client.ts";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { queryRows } from "../db/raw-sql.ts";
import { readableNamespaceFilter, requireNamespace } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";
import { decodeCursor, paginate } from "../pagination.ts";
import { toArtifactDto } from "./serialize.ts";
import { selectArtifactsWithLatest } from "./select-artifact.ts";
import { liveArtifactSql, liveArtifactWhere } from "./find-artifact-or-throw.ts";

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

/** Live or not, the artifacts the principal may read: in one namespace (checked), or in every readable one. */
export async function readableArtifactsWhere(
  db: Db,
  principal: TPrincipal,
  namespace: string | undefined,
): Promise<Prisma.ArtifactWhereInput> {
  if (namespace) return { namespaceId: (await requireNamespace(db, principal, namespace, "read")).id };
  const readable = readableNamespaceFilter(principal);
  return readable ? { namespace: readable } : {};
}

/** Internal scopes used by the run and session views. */
export type TListScope = { runRowId?: string; sessionRollupId?: string };

/**
 * Newest first, keyset-paginated on the time-ordered primary key, so every page is an index
 * range scan however many artifacts precede it (see bench/list-artifacts.bench.ts).
 */
export async function listArtifacts(db: Db, principal: TPrincipal, filter: TListFilter, scope: TListScope = {}) {
  const afterId = decodeCursor(filter.cursor, "string");
  const plain = isPlainNamespaceListing(filter, scope);
  const where = await readableArtifactsWhere(db, principal, filter.namespace);
  const rows = plain
    ? await findNamespaceRows(db, where.namespaceId as string, afterId, filter)
    : await findFilteredRows(db, where, afterId, filter, scope);
  const { page, nextCursor } = paginate(rows, filter.limit, (a) => a.id);
  // The page's rows with their namespace, session, creator and exactly the latest version in
  // one statement, and their tags in another, instead of a query per relation.
  const ids = page.map((a) => a.id);
  const [details, tags] = await Promise.all([
    selectArtifactsWithLatest(db, ids),
    ids.length
      ? queryRows<{ artifactId: string; tag: string }>(
          db,
          Prisma.sql`SELECT "artifactId", "tag" FROM "ArtifactTag" WHERE "artifactId" IN (${Prisma.join(ids)}) ORDER BY "tag" ASC`,
        )
      : [],
  ]);
  const tagsById = new Map<string, { tag: string }[]>();
  for (const t of tags) {
    const list = tagsById.get(t.artifactId);
    if (list) list.push(t);
    else tagsById.set(t.artifactId, [t]);
  }
  const artifacts = page.flatMap((a) => {
    const found = details.get(a.id);
    // Deleted between the two reads: left out, as if the page had been read a moment later.
    if (!found) return [];
    return [toArtifactDto({ ...found.artifact, tags: tagsById.get(a.id) ?? [] }, found.latest)];
  });
  return { artifacts, nextCursor };
}

/** One namespace, at most a session: the listing agents and the dashboard ask for most. */
const isPlainNamespaceListing = (filter: TListFilter, scope: TListScope) =>
  filter.namespace !== undefined &&
  !filter.runId &&
  !filter.tag &&
  !filter.namePrefix &&
  Object.keys(filter.metadata ?? {}).length === 0 &&
  !scope.runRowId &&
  !scope.sessionRollupId;

/**
 * The plain listing as one raw statement (db/raw-sql.ts) on the (namespaceId, id) order: the
 * same rows as findFilteredRows with the same conditions, without the client's cost of building
 * the query.
 */
async function findNamespaceRows(db: Db, namespaceId: string, afterId: string | undefined, filter: TListFilter) {
  const now = new Date();
  const conditions = [Prisma.sql`"namespaceId" = ${namespaceId}`, liveArtifactSql('"Artifact"', now)];
  if (filter.sessionId) {
    conditions.push(
      Prisma.sql`"sessionId" = (SELECT "id" FROM "Session" WHERE "namespaceId" = ${namespaceId} AND "externalId" = ${filter.sessionId})`,
    );
  }
  if (afterId) conditions.push(Prisma.sql`"id" < ${afterId}`);
  return queryRows<{ id: string; name: string }>(
    db,
    Prisma.sql`SELECT "id", "name" FROM "Artifact" WHERE ${Prisma.join(conditions, " AND ")} ORDER BY "id" DESC LIMIT ${filter.limit + 1}`,
  );
}

/** Any other listing, through the client's query builder. */
async function findFilteredRows(
  db: Db,
  readable: Prisma.ArtifactWhereInput,
  afterId: string | undefined,
  filter: TListFilter,
  scope: TListScope,
) {
  const and: Prisma.ArtifactWhereInput[] = [liveArtifactWhere(), readable];
  if (filter.sessionId) and.push({ session: { externalId: filter.sessionId } });
  if (filter.runId) and.push({ versions: { some: { run: { externalId: filter.runId } } } });
  if (filter.namePrefix) and.push(namePrefixFilter(db, filter.namePrefix));
  for (const [key, value] of Object.entries(filter.metadata ?? {})) and.push({ metadata: { some: { key, value } } });
  if (scope.runRowId) and.push({ versions: { some: { runId: scope.runRowId } } });
  if (scope.sessionRollupId) {
    and.push({ OR: [{ sessionId: scope.sessionRollupId }, { versions: { some: { run: { sessionId: scope.sessionRollupId } } } }] });
  }

  return findRows(db, and, afterId, filter.limit, filter);
}

/**
 * On SQLite, a range on the binary-collated name uses the (namespaceId, name) index and is
 * exactly "starts with" (every string with the prefix sorts between the prefix and the prefix
 * followed by the highest code point). PostgreSQL collations are often linguistic, where such a
 * range is wrong, so there it stays LIKE (case-sensitive on PostgreSQL).
 */
function namePrefixFilter(db: Db, prefix: string): Prisma.ArtifactWhereInput {
  return dialectOf(db) === "sqlite" ? { name: { gte: prefix, lt: `${prefix}\u{10FFFF}` } } : { name: { startsWith: prefix } };
}

/** What the search needs of each row; the page's details are read once it is known. */
const ROW_SELECT = { id: true, name: true } as const;

/** Tag index entries examined per round when a tag drives the listing. */
const TAG_BATCH = 500;

/**
 * Up to `limit + 1` matching rows after the cursor, newest first.
 *
 * With a tag, candidates come from the (tag, artifactId) index, newest first, and only they are
 * checked against the other conditions: a correlated EXISTS per artifact would scan the whole
 * namespace for a rare tag.
 *
 * On PostgreSQL `startsWith` becomes LIKE, which Prisma does not escape (`_` and `%` stay
 * wildcards), so it finds a superset of the names with the prefix: the others are dropped here.
 * Either way the loop reads on until the page is full.
 */
async function findRows(
  db: Db,
  and: Prisma.ArtifactWhereInput[],
  afterId: string | undefined,
  limit: number,
  filter: Pick<TListFilter, "tag" | "namePrefix">,
) {
  const rows = [];
  for (let after = afterId; ;) {
    let batch;
    let last: string | undefined;
    let exhausted: boolean;
    if (filter.tag) {
      const tagged = await db.artifactTag.findMany({
        where: { tag: filter.tag, ...(after ? { artifactId: { lt: after } } : {}) },
        orderBy: { artifactId: "desc" },
        take: TAG_BATCH,
        select: { artifactId: true },
      });
      batch = tagged.length
        ? await db.artifact.findMany({
            where: { AND: [...and, { id: { in: tagged.map((t) => t.artifactId) } }] },
            orderBy: { id: "desc" },
            take: limit + 1,
            select: ROW_SELECT,
          })
        : [];
      // A full page may stop short of the last candidate: go on from where the rows stopped.
      last = batch.length > limit ? batch[batch.length - 1]!.id : tagged[tagged.length - 1]?.artifactId;
      exhausted = batch.length <= limit && tagged.length < TAG_BATCH;
    } else {
      batch = await db.artifact.findMany({
        where: { AND: after ? [...and, { id: { lt: after } }] : and },
        orderBy: { id: "desc" },
        take: limit + 1,
        select: ROW_SELECT,
      });
      last = batch[batch.length - 1]?.id;
      exhausted = batch.length <= limit;
    }
    const prefix = filter.namePrefix;
    rows.push(...(prefix ? batch.filter((a) => a.name.startsWith(prefix)) : batch));
    if (rows.length > limit || exhausted || !last) return rows.slice(0, limit + 1);
    after = last;
  }
}
