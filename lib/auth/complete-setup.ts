import "server-only";
import type { Db } from "../db/client.ts";
import { StowageError } from "../errors.ts";
import { authenticateApiKey } from "../access/authenticate-api-key.ts";
import { normalizeEmail, setSignInCredentials } from "./set-password.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";

/** True while no identity can sign in to the dashboard: the first-run setup page is open. */
export async function needsSetup(db: Db): Promise<boolean> {
  return (await db.identity.count({ where: { passwordHash: { not: null } } })) === 0;
}

/**
 * First-run setup: whoever holds an admin API key (STOWAGE_ADMIN_KEY, or the one printed at first
 * start) gives that admin an email and password. Requiring the key means a stranger who reaches a
 * fresh install first cannot claim it.
 */
export async function completeSetup(db: Db, input: { adminKey: string; email: string; password: string }) {
  const principal = await authenticateApiKey(db, `Bearer ${input.adminKey}`).catch(() => null);
  if (!principal?.isAdmin) throw new StowageError("FORBIDDEN", "that is not an admin API key of this server");
  if (!(await needsSetup(db))) throw new StowageError("FORBIDDEN", "setup is already complete; sign in instead");
  await setSignInCredentials(db, principal.identityId, { email: input.email, password: input.password });
  await recordAuditEvent(db, { actor: principal, action: "setup.complete", details: { identity: principal.name } });
  return { identity: principal.name, email: normalizeEmail(input.email) };
}
