import type { Version } from "./types.js";

/**
 * The version a download answers with, from its Stowage-Version-Info header (base64url JSON of
 * the version); undefined when the header is absent (large metadata, or an answer from S3).
 */
export function describedVersion(headers: Headers): Version | undefined {
  const info = headers.get("stowage-version-info");
  if (info === null) return undefined;
  try {
    const binary = atob(info.replace(/-/g, "+").replace(/_/g, "/"));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    return JSON.parse(json) as Version;
  } catch {
    return undefined;
  }
}
