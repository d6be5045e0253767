import "server-only";
import type { Db } from "../db/client.ts";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { executeSql, queryRows } from "../db/raw-sql.ts";
import { StowageError } from "../errors.ts";
import { hashApiKey } from "./api-keys.ts";
import type { TPrincipal } from "./principal.ts";
import { principalFromRows, type TIdentityGroupRow } from "./principal-for-identity.ts";

const LAST_USED_RESOLUTION_MS = 60_000;

type TKeyRow = TIdentityGroupRow & { keyId: string; revokedAt: Date | null; lastUsedAt: Date | null };

/**
 * Resolves `Authorization: Bearer <key>` to a principal, or throws UNAUTHENTICATED. The key, its
 * identity and the identity's groups come in one statement (a row per group), read on every
 * request, so a revoked key or a disabled identity is refused on the very next one, on any instance.
 */
export async function authenticateApiKey(db: Db, authorization: string | null): Promise<TPrincipal> {
  const match = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match) throw new StowageError("UNAUTHENTICATED", "send an API key as `Authorization: Bearer <key>`");
  const rows = await queryRows<TKeyRow>(
    db,
    Prisma.sql`
    SELECT k."id" AS "keyId", k."revokedAt", k."lastUsedAt", i."id" AS "identityId", i."name", i."isAdmin", i."disabledAt", m."groupId"
    FROM "ApiKey" k
    JOIN "Identity" i ON i."id" = k."identityId"
    LEFT JOIN "GroupMember" m ON m."identityId" = i."id"
    WHERE k."hash" = ${hashApiKey(match[1]!)}`,
  );
  const row = rows[0];
  if (!row || row.revokedAt || row.disabledAt) {
    throw new StowageError("UNAUTHENTICATED", "the API key is invalid or has been revoked");
  }
  const now = Date.now();
  // A write per request would serialise every read on SQLite; a minute's resolution is plenty.
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await executeSql(db, Prisma.sql`UPDATE "ApiKey" SET "lastUsedAt" = ${new Date(now)} WHERE "id" = ${row.keyId}`);
  }
  return principalFromRows(rows);
}
