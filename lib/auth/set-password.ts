import "server-only";
import type { Db, Tx } from "../db/client.ts";
import { isUniqueViolation } from "../db/client.ts";
import { validationFailed } from "../errors.ts";
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-hash.ts";
import { clearSignInFailures } from "./sign-in-throttle.ts";

export function assertPasswordAcceptable(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH)
    throw validationFailed(`the password must be at least ${PASSWORD_MIN_LENGTH} characters`, { field: "password" });
  if (password.length > PASSWORD_MAX_LENGTH)
    throw validationFailed(`the password must be at most ${PASSWORD_MAX_LENGTH} characters`, { field: "password" });
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** Gives an identity dashboard sign-in: an email and a password (hashed here, never stored). */
export async function setSignInCredentials(db: Db | Tx, identityId: string, input: { email?: string; password?: string }): Promise<void> {
  if (input.password !== undefined) assertPasswordAcceptable(input.password);
  try {
    const updated = await db.identity.update({
      where: { id: identityId },
      data: {
        ...(input.email !== undefined ? { email: normalizeEmail(input.email) } : {}),
        ...(input.password !== undefined ? { passwordHash: await hashPassword(input.password) } : {}),
      },
    });
    // A new password ends any lock-out from guesses at the old one.
    if (input.password !== undefined && updated.email) clearSignInFailures(updated.email);
  } catch (error) {
    if (isUniqueViolation(error)) throw validationFailed("another identity already uses that email", { field: "email" });
    throw error;
  }
}
