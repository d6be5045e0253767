import "server-only";
import type { Db } from "../db/client.ts";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { queryRows } from "../db/raw-sql.ts";
import type { TPrincipal } from "./principal.ts";

/** An identity joined with its group memberships: one row per group (groupId null when none). */
export type TIdentityGroupRow = { identityId: string; name: string; isAdmin: boolean; disabledAt: Date | null; groupId: string | null };

/** The principal of an enabled identity, or null when it is unknown or disabled. One statement. */
export async function principalForIdentity(db: Db, identityId: string): Promise<TPrincipal | null> {
  const rows = await queryRows<TIdentityGroupRow>(
    db,
    Prisma.sql`
    SELECT i."id" AS "identityId", i."name", i."isAdmin", i."disabledAt", m."groupId"
    FROM "Identity" i LEFT JOIN "GroupMember" m ON m."identityId" = i."id"
    WHERE i."id" = ${identityId}`,
  );
  return rows[0] && !rows[0].disabledAt ? principalFromRows(rows) : null;
}

/** Folds the identity-with-groups rows of one identity into its principal. */
export function principalFromRows(rows: TIdentityGroupRow[]): TPrincipal {
  const first = rows[0]!;
  return {
    identityId: first.identityId,
    name: first.name,
    isAdmin: first.isAdmin,
    groupIds: rows.flatMap((r) => (r.groupId === null ? [] : [r.groupId])),
  };
}
