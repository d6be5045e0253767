import "server-only";
import type { Db } from "../db/client.ts";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { queryRows } from "../db/raw-sql.ts";
import { requireNamespace } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";
import { notFound } from "../errors.ts";
import { normalizeArtifactName, normalizeClientId } from "./artifact-name.ts";
import { getArtifact } from "./get-artifact.ts";

export type TArtifactKey = { namespace: string; name: string; sessionId?: string };

/**
 * The artifact a publish with these fields would add a version to, as getArtifact gives it:
 * clients know names, not ids.
 */
export async function lookupArtifact(db: Db, principal: TPrincipal, key: TArtifactKey) {
  return getArtifact(db, principal, await lookupArtifactId(db, principal, key));
}

/**
 * The id of the artifact with this key, for a reader of its namespace. Names and session ids are
 * normalized as a publish does, so the name that was sent finds what it published.
 */
export async function lookupArtifactId(db: Db, principal: TPrincipal, key: TArtifactKey): Promise<string> {
  const namespace = await requireNamespace(db, principal, key.namespace, "read");
  const name = normalizeArtifactName(key.name);
  const sessionId = key.sessionId === undefined ? undefined : normalizeClientId(key.sessionId, "sessionId");
  // No session is sessionKey "" (the unique key has no NULLs); a session's is its row id.
  const sessionKey =
    sessionId === undefined
      ? Prisma.sql`''`
      : Prisma.sql`(SELECT "id" FROM "Session" WHERE "namespaceId" = ${namespace.id} AND "externalId" = ${sessionId})`;
  const [found] = await queryRows<{ id: string }>(
    db,
    Prisma.sql`SELECT "id" FROM "Artifact" WHERE "namespaceId" = ${namespace.id} AND "sessionKey" = ${sessionKey} AND "name" = ${name}`,
  );
  if (!found) throw notFound();
  return found.id;
}
