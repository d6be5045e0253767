/**
 * The origin the client used to reach us (for links we hand back), unless STOWAGE_PUBLIC_URL
 * names it. Behind a proxy, X-Forwarded-Proto/Host say what the client saw.
 */
export function requestOrigin(headers: Headers, configured: string | undefined): string {
  if (configured) return configured.replace(/\/$/, "");
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost";
  const proto = headers.get("x-forwarded-proto") ?? "http";
  return `${proto.split(",")[0]!.trim()}://${host.split(",")[0]!.trim()}`;
}
