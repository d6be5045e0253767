import "server-only";
import { dialectOf, type Db } from "../db/client.ts";
import { notFound, validationFailed } from "../errors.ts";
import type { TPrincipal } from "../access/principal.ts";
import { requireAdmin } from "../access/require-admin.ts";
import { assertPasswordAcceptable, setSignInCredentials } from "../auth/set-password.ts";
import { toIdentityDto } from "./identities.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";

export type TIdentityChanges = { email?: string; password?: string; isAdmin?: boolean; disabled?: boolean };

/**
 * An admin changes another identity: sign-in email and password, the admin flag, disabled or not.
 * Disabling takes effect on the identity's next request (sessions and keys are checked every time).
 * Admins cannot demote or disable themselves, and the last enabled admin stays one, so the
 * instance never locks everyone out of administration.
 */
export async function updateIdentity(db: Db, principal: TPrincipal, name: string, changes: TIdentityChanges) {
  requireAdmin(principal);
  // Checked before the transaction, so a bad password fails fast without taking any lock.
  if (changes.password !== undefined) assertPasswordAcceptable(changes.password);
  const updated = await applyChanges(db, principal, name, changes);
  // What changed, never the values of email or password.
  const changed = Object.keys(changes).filter((k) => changes[k as keyof TIdentityChanges] !== undefined);
  await recordAuditEvent(db, {
    actor: principal,
    action: "identity.update",
    namespace: updated.namespace,
    details: { identity: name, changed, isAdmin: updated.isAdmin, disabled: updated.disabledAt !== null },
  });
  return updated;
}

function applyChanges(db: Db, principal: TPrincipal, name: string, changes: TIdentityChanges) {
  return db.$transaction(async (tx) => {
    // Two admins demoting each other at once must not both pass the last-admin check: on
    // PostgreSQL the enabled admins' rows are locked first (SQLite runs one writer at a time).
    if (dialectOf(db) === "postgres")
      await tx.$queryRaw`SELECT "id" FROM "Identity" WHERE "isAdmin" = true AND "disabledAt" IS NULL FOR UPDATE`;
    const identity = await tx.identity.findUnique({ where: { name } });
    if (!identity) throw notFound("identity");
    const self = identity.id === principal.identityId;
    if (self && changes.isAdmin === false)
      throw validationFailed("you cannot remove your own admin rights; ask another admin to do it", { field: "isAdmin" });
    if (self && changes.disabled === true)
      throw validationFailed("you cannot disable yourself; ask another admin to do it", { field: "disabled" });
    if (changes.password !== undefined && !(changes.email ?? identity.email)) {
      throw validationFailed("set an email too: it is what the identity signs in with", { field: "email" });
    }

    if (changes.email !== undefined || changes.password !== undefined) {
      await setSignInCredentials(tx, identity.id, { email: changes.email, password: changes.password });
    }
    const updated = await tx.identity.update({
      where: { id: identity.id },
      data: {
        ...(changes.isAdmin !== undefined ? { isAdmin: changes.isAdmin } : {}),
        // Re-disabling keeps the original instant.
        ...(changes.disabled !== undefined ? { disabledAt: changes.disabled ? (identity.disabledAt ?? new Date()) : null } : {}),
      },
    });

    // Counted after the change, inside the transaction: a refusal rolls everything back.
    const wasEnabledAdmin = identity.isAdmin && !identity.disabledAt;
    if (
      wasEnabledAdmin &&
      (!updated.isAdmin || updated.disabledAt) &&
      (await tx.identity.count({ where: { isAdmin: true, disabledAt: null } })) === 0
    ) {
      throw validationFailed("there must always be at least one enabled admin", {
        field: changes.isAdmin === false ? "isAdmin" : "disabled",
      });
    }
    return toIdentityDto(updated);
  });
}
