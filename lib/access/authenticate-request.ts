import "server-only";
import type { Db } from "../db/client.ts";
import { StowageError } from "../errors.ts";
import { getConfig } from "../config.ts";
import { authenticateApiKey } from "./authenticate-api-key.ts";
import type { TPrincipal } from "./principal.ts";
import { cookieFromHeader, principalFromSession } from "../auth/session-principal.ts";
import { CSRF_HEADER } from "../http/csrf-header.ts";
import { noteIdentity } from "../observability/request-context.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Who is calling: an API key (`Authorization: Bearer`), else the dashboard's session cookie.
 * A change made with the cookie must come from the dashboard itself (CSRF).
 */
export async function authenticateRequest(db: Db, method: string, headers: Headers): Promise<TPrincipal> {
  if (headers.get("authorization")) {
    const byKey = await authenticateApiKey(db, headers.get("authorization"));
    noteIdentity(byKey.name); // for the request log
    return byKey;
  }
  // principalFromSession notes the identity itself (pages sign in through it directly).
  const principal = await principalFromSession(db, cookieFromHeader(headers.get("cookie")));
  if (!principal) throw new StowageError("UNAUTHENTICATED", "sign in, or send an API key as `Authorization: Bearer <key>`");
  if (!SAFE_METHODS.has(method.toUpperCase())) assertNotCrossSite(headers);
  return principal;
}

/**
 * Cookies ride along with requests other sites make, so a cookie-authenticated change needs proof
 * it came from a page of ours: a custom header (another origin cannot send one without a CORS
 * preflight, which is never granted), and the browser's own Origin / Sec-Fetch-Site, when sent,
 * must say same origin.
 */
export function assertNotCrossSite(headers: Headers): void {
  const refuse = (why: string) => {
    throw new StowageError("FORBIDDEN", `cross-site request refused: ${why}`, { reason: "csrf" });
  };
  if (!headers.get(CSRF_HEADER)) refuse(`the ${CSRF_HEADER} header is missing`);
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin") refuse(`Sec-Fetch-Site is ${fetchSite}`);
  const origin = headers.get("origin");
  if (origin && !allowedOrigins(headers).has(origin)) refuse(`Origin ${origin} is not this server`);
}

function allowedOrigins(headers: Headers): Set<string> {
  const allowed = new Set<string>();
  const publicUrl = getConfig().publicUrl;
  if (publicUrl) allowed.add(new URL(publicUrl).origin);
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (host) {
    const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
    allowed.add(`${proto === "https" ? "https" : "http"}://${host}`);
    if (!proto) allowed.add(`https://${host}`);
  }
  return allowed;
}
