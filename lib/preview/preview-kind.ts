/** How the dashboard previews a version, from its type (and file name when the type is vague). */
export type TPreviewKind = "image" | "pdf" | "markdown" | "csv" | "tsv" | "json" | "text" | "none";

/** Text-like previews read at most this much from the start of the bytes. */
export const TEXT_PREVIEW_BYTES = 256 * 1024;
/** Images and PDFs load whole in the browser, so only up to this size. */
export const MEDIA_PREVIEW_MAX_BYTES = 20 * 1024 * 1024;
/** Compare reads at most this much of each version. */
export const DIFF_INPUT_BYTES = 256 * 1024;

// SVG is an image that can carry script: never shown as one, only as its source text.
const IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp", "image/avif", "image/bmp"]);

const TEXT_TYPES = new Set([
  "application/xml",
  "application/yaml",
  "application/x-yaml",
  "application/toml",
  "application/x-ndjson",
  "application/javascript",
  "application/x-sh",
  "application/sql",
  "application/graphql",
  "image/svg+xml",
]);

const BY_EXTENSION: Record<string, TPreviewKind> = {
  md: "markdown",
  markdown: "markdown",
  csv: "csv",
  tsv: "tsv",
  json: "json",
  txt: "text",
  log: "text",
};

export function previewKind(mimeType: string, filename = ""): TPreviewKind {
  const type = mimeType.split(";")[0]!.trim().toLowerCase();
  if (IMAGE_TYPES.has(type)) return "image";
  if (type === "application/pdf") return "pdf";
  if (type === "text/markdown" || type === "text/x-markdown") return "markdown";
  if (type === "text/csv") return "csv";
  if (type === "text/tab-separated-values") return "tsv";
  if (type === "application/json" || type.endsWith("+json")) return "json";
  if (type === "text/plain" || type === "application/octet-stream" || type === "") {
    const dot = filename.lastIndexOf(".");
    const byName = dot > 0 ? BY_EXTENSION[filename.slice(dot + 1).toLowerCase()] : undefined;
    if (byName) return byName;
  }
  if (type.startsWith("text/") || TEXT_TYPES.has(type) || type.endsWith("+xml")) return "text";
  return "none";
}

/** Whether a kind is read as text (and can be diffed line by line). */
export const isTextKind = (kind: TPreviewKind) =>
  kind === "markdown" || kind === "csv" || kind === "tsv" || kind === "json" || kind === "text";

/**
 * The start of a file as text: UTF-8, with a multi-byte character cut off at the end of a
 * truncated read dropped rather than shown as a replacement character.
 */
export function decodeHead(bytes: Uint8Array, truncated: boolean): string {
  let end = bytes.length;
  if (truncated) {
    // Back up over at most 3 continuation bytes to the start of the last character; drop it if incomplete.
    let start = end - 1;
    while (start >= 0 && end - start <= 4 && (bytes[start]! & 0xc0) === 0x80) start--;
    if (start >= 0) {
      const lead = bytes[start]!;
      const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
      if (end - start < need) end = start;
    }
  }
  return new TextDecoder("utf-8").decode(bytes.subarray(0, end));
}
