import "server-only";
import { StowageError } from "../errors.ts";

// Types that are never text whatever their bytes; anything else (octet-stream included, as agents
// often publish text without a type) is text unless a NUL byte turns up in its first bytes.
const BINARY_PREFIXES = ["image/", "audio/", "video/", "font/", "model/"];
const BINARY_TYPES = new Set([
  "application/pdf",
  "application/zip",
  "application/gzip",
  "application/x-gzip",
  "application/x-tar",
  "application/x-7z-compressed",
  "application/x-bzip2",
  "application/x-xz",
  "application/zstd",
  "application/wasm",
  "application/vnd.apache.parquet",
  "application/x-sqlite3",
  "application/msword",
  "application/vnd.ms-excel",
]);

/** Whether the mime type alone says the bytes are not text (SVG is text). */
export function isBinaryMimeType(mimeType: string): boolean {
  const type = mimeType.split(";")[0]!.trim().toLowerCase();
  if (type.endsWith("+xml") || type.endsWith("+json")) return false;
  return BINARY_TYPES.has(type) || type.startsWith("application/vnd.openxmlformats") || BINARY_PREFIXES.some((p) => type.startsWith(p));
}

export const notText = (mimeType: string, why: string) =>
  new StowageError("ARTIFACT_NOT_TEXT", `this version is not text (${why}); download its bytes instead`, { mimeType });
