import "server-only";
import { decode } from "next-auth/jwt";
import type { Db } from "../db/client.ts";
import type { TPrincipal } from "../access/principal.ts";
import { principalForIdentity } from "../access/principal-for-identity.ts";
import { getAuthSecret } from "./auth-secret.ts";
import { noteIdentity } from "../observability/request-context.ts";

// next-auth's cookie names: the __Secure- one when the dashboard is served over https.
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * The signed-in dashboard user behind a session cookie, or null. The identity is loaded on every
 * request, so disabling it or changing its groups takes effect at once, not when the cookie expires.
 */
export async function principalFromSession(db: Db, getCookie: (name: string) => string | undefined): Promise<TPrincipal | null> {
  const token = SESSION_COOKIES.map(getCookie).find(Boolean);
  if (!token) return null;
  let payload;
  try {
    payload = await decode({ token, secret: await getAuthSecret(db) });
  } catch {
    return null;
  }
  if (!payload?.sub) return null;
  const principal = await principalForIdentity(db, payload.sub);
  if (principal) noteIdentity(principal.name); // for the request log
  return principal;
}

/** Reads one cookie from a Cookie header. A value with a malformed % escape is no cookie at all (never a 500). */
export function cookieFromHeader(header: string | null): (name: string) => string | undefined {
  const pairs = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    try {
      pairs.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // URIError: a value no browser of ours set; the request is then simply not signed in.
    }
  }
  return (name) => pairs.get(name);
}
