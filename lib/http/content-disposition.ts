/**
 * Types a browser may show inline. Everything else, and always HTML, SVG, XML and scripts, is an
 * attachment, so nothing a user uploaded runs on the app's origin.
 */
const INLINE_TYPES = new Set([
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "image/avif",
  "image/bmp",
  "text/plain",
  "text/csv",
  "text/markdown",
  "application/json",
  "application/pdf",
  "audio/mpeg",
  "audio/ogg",
  "audio/wav",
  "video/mp4",
  "video/webm",
]);

export function isInlineSafe(mimeType: string): boolean {
  return INLINE_TYPES.has(mimeType);
}

/** RFC 6266: an ASCII fallback `filename` and the exact name as RFC 8187 `filename*`. */
export function contentDisposition(kind: "inline" | "attachment", filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, "_") || "download";
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
