import "server-only";
import type { Db } from "../db/client.ts";
import { decoyPasswordHash, verifyPassword } from "./password-hash.ts";
import { normalizeEmail } from "./set-password.ts";

/** The identity an email and password sign in, or null (unknown, wrong, disabled: all alike). */
export async function verifyCredentials(db: Db, email: string, password: string) {
  const identity = await db.identity.findUnique({ where: { email: normalizeEmail(email) } });
  if (!identity?.passwordHash || identity.disabledAt) {
    await verifyPassword(password, await decoyPasswordHash());
    return null;
  }
  return (await verifyPassword(password, identity.passwordHash)) ? identity : null;
}
