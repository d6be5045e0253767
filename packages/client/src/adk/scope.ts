import type { CompositeSessionKey } from "@google/adk";

/** ADK's prefix for an artifact shared by all of a user's sessions; it stays part of the name. */
export const USER_PREFIX = "user:";

// Stowage session ids are at most 255 bytes of NFC text without control characters.
const MAX_SESSION_BYTES = 255;
const ESCAPED = /[%/\u0000-\u001f\u007f-\u009f]/g;

export const isUserScoped = (filename: string) => filename.startsWith(USER_PREFIX);

/**
 * The Stowage session that holds an ADK artifact: `<appName>/<userId>/<sessionId>` for a
 * session's artifacts, `<appName>/<userId>` for the user's `user:` artifacts. Each part is
 * escaped so that different ADK keys never share a session (see escapePart); an id longer than
 * Stowage allows becomes `sha256:<hex>` of that text, which has no "/" and so cannot be mistaken
 * for a readable one.
 */
export async function stowageSession(key: CompositeSessionKey, filename: string): Promise<string> {
  const parts = isUserScoped(filename) ? [key.appName, key.userId] : [key.appName, key.userId, key.sessionId];
  const readable = parts.map(escapePart).join("/");
  if (new TextEncoder().encode(readable).byteLength <= MAX_SESSION_BYTES) return readable;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(readable));
  return `sha256:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/**
 * A part of a session id that percent-decodes back to exactly `part`, so the mapping is one to
 * one. "%", "/" and control characters are escaped; a part the server's NFC normalization would
 * change is escaped whole (to ASCII), since two spellings of one text would otherwise meet.
 */
function escapePart(part: string): string {
  if (part.normalize("NFC") !== part) return encodeURIComponent(part);
  return part.replace(ESCAPED, (c) => encodeURIComponent(c));
}
