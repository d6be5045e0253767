import { validationFailed } from "../errors.ts";

const MAX_NAME_BYTES = 1024;
const MAX_SEGMENT_BYTES = 255;
// C0 and C1 control characters, DEL included. NUL is one of them.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Artifact names are labels that may use "/" as a folder separator ("reports/q1.csv"). They never
 * become storage paths, but clients (and ADK) map them onto paths, so names that would be
 * ambiguous or dangerous there are refused. Returns the NFC form, which is what is stored.
 */
export function normalizeArtifactName(input: unknown, field = "name"): string {
  if (typeof input !== "string" || input.length === 0) throw validationFailed(`${field} must not be empty`, { field });
  const name = input.normalize("NFC");
  const fail = (why: string) => validationFailed(`${field} ${why}`, { field });
  if (CONTROL.test(name)) throw fail("must not contain control characters");
  if (name.includes("\\")) throw fail('must not contain "\\" (use "/" between folders)');
  if (name.startsWith("/")) throw fail('must not start with "/"');
  if (Buffer.byteLength(name, "utf8") > MAX_NAME_BYTES) throw fail(`must be at most ${MAX_NAME_BYTES} bytes`);
  for (const segment of name.split("/")) {
    if (segment === "") throw fail('must not contain an empty folder segment ("//" or a trailing "/")');
    if (segment === "." || segment === "..") throw fail('must not contain "." or ".." segments');
    if (Buffer.byteLength(segment, "utf8") > MAX_SEGMENT_BYTES) throw fail(`segments must be at most ${MAX_SEGMENT_BYTES} bytes`);
  }
  return name;
}

/** The last segment of a name, used as the download filename when the upload named none. */
export function baseName(name: string): string {
  return name.slice(name.lastIndexOf("/") + 1);
}

/** Client-chosen ids for sessions and runs: any printable text up to 255 bytes. */
export function normalizeClientId(input: unknown, field: string): string {
  if (typeof input !== "string" || input.length === 0) throw validationFailed(`${field} must not be empty`, { field });
  const value = input.normalize("NFC");
  if (CONTROL.test(value)) throw validationFailed(`${field} must not contain control characters`, { field });
  if (Buffer.byteLength(value, "utf8") > 255) throw validationFailed(`${field} must be at most 255 bytes`, { field });
  return value;
}
