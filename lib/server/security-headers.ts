import "server-only";
import type { ServerResponse } from "node:http";

/**
 * The one header policy: the composition root sets it on every response before anything else
 * sees the request (streaming routes, Next's pages and API routes, errors, 404s, static files).
 * Framing is SAMEORIGIN rather than DENY because the artifact page shows PDFs in a same-origin
 * frame of the content route; no other site may frame anything of ours. The CSP is only what
 * cannot break the dashboard (its scripts, S3 redirects, the sign-in provider are untouched);
 * downloads replace it with their own sandboxing policy, which stays as strict as it was.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "SAMEORIGIN",
  "Content-Security-Policy": "frame-ancestors 'self'; base-uri 'self'",
};

export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}
