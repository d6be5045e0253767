import "server-only";
import type { Db } from "../db/client.ts";
import { setSignInCredentials } from "./set-password.ts";
import { needsSetup } from "./complete-setup.ts";

/**
 * STOWAGE_ADMIN_EMAIL / STOWAGE_ADMIN_PASSWORD: until some identity can sign in to the dashboard,
 * the first admin gets these credentials. Once anyone has a password the variables are ignored,
 * so a password changed in the dashboard is never overwritten by a restart.
 */
export async function ensureAdminCredentials(
  db: Db,
  credentials: { email: string; password: string } | undefined,
  log: (line: string) => void = console.log,
) {
  if (!credentials) return false;
  if (!(await needsSetup(db))) return false;
  const admin = await db.identity.findFirst({ where: { isAdmin: true, disabledAt: null }, orderBy: { createdAt: "asc" } });
  if (!admin) return false;
  await setSignInCredentials(db, admin.id, credentials);
  log(`Stowage: the admin "${admin.name}" signs in to the dashboard as ${credentials.email} (from STOWAGE_ADMIN_EMAIL).`);
  return true;
}
