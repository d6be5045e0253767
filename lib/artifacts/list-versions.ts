import "server-only";
import type { Db } from "../db/client.ts";
import type { TPrincipal } from "../access/principal.ts";
import { decodeCursor, paginate } from "../pagination.ts";
import { findArtifactOrThrow } from "./find-artifact-or-throw.ts";
import { VERSION_INCLUDE, toVersionDto } from "./serialize.ts";

/** Version history, newest first. */
export async function listVersions(db: Db, principal: TPrincipal, id: string, options: { limit: number; cursor?: string }) {
  await findArtifactOrThrow(db, principal, id);
  const below = decodeCursor(options.cursor, "number");
  const rows = await db.artifactVersion.findMany({
    where: { artifactId: id, ...(below !== undefined ? { version: { lt: below } } : {}) },
    orderBy: { version: "desc" },
    take: options.limit + 1,
    include: VERSION_INCLUDE,
  });
  const { page, nextCursor } = paginate(rows, options.limit, (v) => v.version);
  return { versions: page.map(toVersionDto), nextCursor };
}
