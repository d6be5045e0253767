import "server-only";
import { dialectOf, type Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/sqlite/client.ts";
import { validationFailed } from "../errors.ts";
import type { TPrincipal } from "../access/principal.ts";
import { decodeCursor, paginate } from "../pagination.ts";
import { liveArtifactWhere } from "./find-artifact-or-throw.ts";
import { listArtifacts, readableArtifactsWhere } from "./list-artifacts.ts";
import { ARTIFACT_INCLUDE, VERSION_INCLUDE, toArtifactDto, type TArtifactRow } from "./serialize.ts";

export type TSearchFilter = {
  /** A part of the name, anywhere in it; ASCII letters match either case. */
  name?: string;
  tag?: string;
  metadata?: Record<string, string>;
  namespace?: string;
  limit: number;
  cursor?: string;
};

const foldAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * The dashboard's search: artifacts the principal can read (in every readable namespace, or one),
 * newest first, by name substring, tag and metadata key=value. Without a name part it is exactly
 * listArtifacts (whose tag and metadata filters use their indexes).
 *
 * A substring cannot use an index: the name condition runs as LIKE over the readable namespaces'
 * artifacts in id order, a page at a time. LIKE treats `%` and `_` as wildcards (Prisma does not
 * escape them) and folds case differently per database, so it only narrows the candidates and
 * the exact test (ASCII case folding on both databases) is made here.
 */
export async function searchArtifacts(db: Db, principal: TPrincipal, filter: TSearchFilter) {
  const { name, ...rest } = filter;
  if (name !== undefined && name.length > 256)
    throw validationFailed("the name to search for is at most 256 characters", { field: "name" });
  if (!name) return listArtifacts(db, principal, rest);

  const afterId = decodeCursor(filter.cursor, "string");
  const and: Prisma.ArtifactWhereInput[] = [liveArtifactWhere(), await readableArtifactsWhere(db, principal, filter.namespace)];
  if (filter.tag) and.push({ tags: { some: { tag: filter.tag } } });
  for (const [key, value] of Object.entries(filter.metadata ?? {})) and.push({ metadata: { some: { key, value } } });
  and.push(
    dialectOf(db) === "sqlite" ? { name: { contains: name } } : { name: { contains: name, mode: "insensitive" } as Prisma.StringFilter },
  );

  const needle = foldAscii(name);
  const rows: TArtifactRow[] = [];
  for (let after = afterId; ;) {
    const batch = await db.artifact.findMany({
      where: { AND: after ? [...and, { id: { lt: after } }] : and },
      orderBy: { id: "desc" },
      take: filter.limit + 1,
      include: ARTIFACT_INCLUDE,
    });
    rows.push(...batch.filter((a) => foldAscii(a.name).includes(needle)));
    if (rows.length > filter.limit || batch.length <= filter.limit) break;
    after = batch[batch.length - 1]!.id;
  }
  const { page, nextCursor } = paginate(rows, filter.limit, (a) => a.id);
  const latest = page.length
    ? await db.artifactVersion.findMany({
        where: { OR: page.map((a) => ({ artifactId: a.id, version: a.latestVersion! })) },
        include: VERSION_INCLUDE,
      })
    : [];
  const byArtifact = new Map(latest.map((v) => [v.artifactId, v]));
  return { artifacts: page.map((a) => toArtifactDto(a, byArtifact.get(a.id) ?? null)), nextCursor };
}
