import "server-only";
import type { Db } from "../db/client.ts";
import { StowageError } from "../errors.ts";
import { hashApiKey } from "./api-keys.ts";
import type { TPrincipal } from "./principal.ts";
import { toPrincipal } from "./principal-for-identity.ts";

const LAST_USED_RESOLUTION_MS = 60_000;

/** Resolves `Authorization: Bearer <key>` to a principal, or throws UNAUTHENTICATED. */
export async function authenticateApiKey(db: Db, authorization: string | null): Promise<TPrincipal> {
  const match = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match) throw new StowageError("UNAUTHENTICATED", "send an API key as `Authorization: Bearer <key>`");
  const row = await db.apiKey.findUnique({
    where: { hash: hashApiKey(match[1]!) },
    include: { identity: { include: { memberships: { select: { groupId: true } } } } },
  });
  if (!row || row.revokedAt || row.identity.disabledAt) {
    throw new StowageError("UNAUTHENTICATED", "the API key is invalid or has been revoked");
  }
  const now = Date.now();
  // A write per request would serialise every read on SQLite; a minute's resolution is plenty.
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return toPrincipal(row.identity);
}
