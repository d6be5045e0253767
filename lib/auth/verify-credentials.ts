import "server-only";
import type { Db } from "../db/client.ts";
import { decoyPasswordHash, verifyPassword } from "./password-hash.ts";
import { normalizeEmail } from "./set-password.ts";
import { clearSignInFailures, isSignInThrottled, recordSignInFailure } from "./sign-in-throttle.ts";

/** Too many wrong passwords for one email in a short time; next-auth shows it as the error code. */
export class SignInThrottledError extends Error {
  constructor() {
    super("TooManyAttempts");
  }
}

/**
 * The identity an email and password sign in, or null (unknown, wrong, disabled: all alike).
 * After repeated failures for an email it throws SignInThrottledError without checking.
 */
export async function verifyCredentials(db: Db, email: string, password: string) {
  const key = normalizeEmail(email);
  if (isSignInThrottled(key)) throw new SignInThrottledError();
  const identity = await db.identity.findUnique({ where: { email: key } });
  const ok =
    identity?.passwordHash && !identity.disabledAt
      ? await verifyPassword(password, identity.passwordHash)
      : await verifyPassword(password, await decoyPasswordHash()).then(() => false);
  if (!ok) {
    recordSignInFailure(key);
    return null;
  }
  clearSignInFailures(key);
  return identity;
}
