const BY_EXTENSION: Record<string, string> = {
  txt: "text/plain",
  log: "text/plain",
  md: "text/markdown",
  markdown: "text/markdown",
  csv: "text/csv",
  tsv: "text/tab-separated-values",
  json: "application/json",
  jsonl: "application/x-ndjson",
  ndjson: "application/x-ndjson",
  yaml: "application/yaml",
  yml: "application/yaml",
  html: "text/html",
  htm: "text/html",
  xml: "application/xml",
  svg: "image/svg+xml",
  js: "text/javascript",
  mjs: "text/javascript",
  css: "text/css",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  bmp: "image/bmp",
  pdf: "application/pdf",
  zip: "application/zip",
  gz: "application/gzip",
  tar: "application/x-tar",
  parquet: "application/vnd.apache.parquet",
  mp3: "audio/mpeg",
  wav: "audio/wav",
  ogg: "audio/ogg",
  mp4: "video/mp4",
  webm: "video/webm",
};

// What clients send when they do not know the type: curl's -F default and --data-binary default.
const UNSPECIFIED = new Set(["", "application/octet-stream", "application/x-www-form-urlencoded"]);

/** The declared type, or one guessed from the file name's extension when the client sent none. */
export function resolveMimeType(declared: string, filename: string): string {
  if (!UNSPECIFIED.has(declared)) return declared;
  const dot = filename.lastIndexOf(".");
  const guessed = dot > 0 ? BY_EXTENSION[filename.slice(dot + 1).toLowerCase()] : undefined;
  return guessed ?? "application/octet-stream";
}
