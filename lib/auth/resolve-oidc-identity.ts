import "server-only";
import type { Db } from "../db/client.ts";
import { insertIdentity } from "../admin/identities.ts";
import { normalizeEmail } from "./set-password.ts";

/**
 * The identity an OIDC sign-in maps to: the enabled identity with the provider's verified email;
 * with OIDC_ALLOW_SIGNUP, a new human identity (named after the email) when none has it yet.
 */
export async function resolveOidcIdentity(db: Db, profile: { email?: string | null; email_verified?: boolean }, allowSignup: boolean) {
  if (!profile.email || profile.email_verified === false) return null;
  const email = normalizeEmail(profile.email);
  const existing = await db.identity.findUnique({ where: { email } });
  if (existing) return existing.disabledAt ? null : existing;
  if (!allowSignup) return null;
  const base =
    email
      .split("@")[0]!
      .replace(/[^a-z0-9-]/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "user";
  for (let attempt = 0; attempt < 5; attempt++) {
    const name = attempt === 0 ? base : `${base}-${Math.random().toString(36).slice(2, 6)}`;
    if (await db.identity.findUnique({ where: { name } })) continue;
    return insertIdentity(db, { name, kind: "human", email });
  }
  return null;
}
