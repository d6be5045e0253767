import type { Artifact, Version } from "../types.js";
import type { ErrorDescription, TextLine } from "./backend.js";

/** MCP tool results, as the SDK's CallToolResult content. */
export type Content =
  | { type: "text"; text: string }
  | { type: "resource_link"; uri: string; name: string; mimeType?: string; size?: number }
  | { type: "resource"; resource: { uri: string; mimeType?: string; blob: string } | { uri: string; mimeType?: string; text: string } };
export type ToolResult = { content: Content[]; isError?: boolean };

export const text = (value: string): Content => ({ type: "text", text: value });
export const json = (value: unknown): Content => text(JSON.stringify(value));

/** A tool's answer: the content, then (when there is one) how to go on, as its own block. */
export const result = (content: Content[], hint?: string): ToolResult => ({ content: hint ? [...content, text(hint)] : content });

/** A tool error: Stowage's code and message (and details), never a stack trace. */
export const errorResult = (error: ErrorDescription, hint?: string): ToolResult => ({
  content: [json({ error: { code: error.code, message: error.message, ...error.details } }), ...(hint ? [text(hint)] : [])],
  isError: true,
});

export const artifactUri = (id: string, version?: number) => `stowage://artifacts/${id}${version === undefined ? "" : `@${version}`}`;

/** An artifact as a model needs it: what it is and where, not every field. */
export function artifactSummary(a: Artifact) {
  return {
    id: a.id,
    namespace: a.namespace,
    name: a.name,
    sessionId: a.sessionId,
    latestVersion: a.latestVersion,
    ...(a.latest ? { mimeType: a.latest.mimeType, sizeBytes: a.latest.sizeBytes } : {}),
    tags: a.tags,
    updatedAt: a.updatedAt,
    ...(a.expiresAt ? { expiresAt: a.expiresAt } : {}),
  };
}

export function versionSummary(v: Version, withMetadata = true) {
  return {
    version: v.version,
    mimeType: v.mimeType,
    sizeBytes: v.sizeBytes,
    sha256: v.sha256,
    createdAt: v.createdAt,
    createdBy: v.createdBy,
    runId: v.runId,
    // The version history names the aliases pointing at each version.
    ...(v.aliases?.length ? { aliases: v.aliases } : {}),
    ...(withMetadata ? { metadata: v.metadata } : {}),
  };
}

export const linkTo = (a: { id: string; name: string }, v: Version): Content => ({
  type: "resource_link",
  uri: artifactUri(a.id, v.version),
  name: a.name,
  mimeType: v.mimeType,
  size: v.sizeBytes,
});

export const utf8Length = (s: string) => new TextEncoder().encode(s).byteLength;

/** `cat -n` style: the line number, a tab, the line (a cut line says so). */
export const numbered = (l: TextLine, mark = "\t") => `${String(l.line).padStart(6)}${mark}${l.text}`;

/**
 * As many whole entries of `items` as fit in `maxBytes` once joined with newlines; at least one,
 * so a first entry larger than the cap is cut to it (and says so).
 */
export function fitLines(items: string[], maxBytes: number): { text: string; count: number } {
  let used = 0;
  let count = 0;
  for (const item of items) {
    const size = utf8Length(item) + 1;
    if (count > 0 && used + size > maxBytes) break;
    used += size;
    count++;
  }
  if (count === 1 && used > maxBytes) return { text: cutToBytes(items[0]!, maxBytes - 40) + " … [cut at the result cap]", count };
  return { text: items.slice(0, count).join("\n"), count };
}

/** The longest prefix of `s` of at most `maxBytes` UTF-8 bytes (never half a character). */
export function cutToBytes(s: string, maxBytes: number): string {
  const bytes = new TextEncoder().encode(s);
  if (bytes.byteLength <= maxBytes) return s;
  return new TextDecoder().decode(bytes.subarray(0, Math.max(0, maxBytes))).replace(/\uFFFD$/, "");
}

/** Types whose bytes read as text (the server also checks the bytes themselves for text reads). */
export function isTextMime(mimeType: string): boolean {
  const type = mimeType.split(";")[0]!.trim().toLowerCase();
  return (
    type.startsWith("text/") ||
    /[/+](json|xml|yaml|x-yaml|toml|csv|javascript|ecmascript|x-sh|x-python|sql|graphql|markdown|x-ndjson|jsonl)$/.test(type) ||
    type === "application/x-www-form-urlencoded"
  );
}

/** Base64 of bytes, in chunks (a spread of a large array overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(value: string): Uint8Array {
  const binary = atob(value.replace(/\s+/g, ""));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
