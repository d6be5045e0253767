import { validationFailed } from "../errors.ts";

/** At most this many inputs a publish may name (derivedFrom). */
export const MAX_DERIVED_FROM = 100;
/** Tool and model names: what a header can carry, and short enough to show in a row. */
export const PRODUCER_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._:/@+()=-]{0,127}$/;
/** An artifact id as the server makes them (lib/ids.ts), with room to spare. */
const ARTIFACT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export type TInputRef = { artifactId: string; version: number };

/** A tool or model name given with a publish (a field or X-Stowage-Tool / X-Stowage-Model). */
export function parseProducerName(input: unknown, field: "tool" | "model"): string {
  if (typeof input !== "string" || !PRODUCER_NAME_PATTERN.test(input)) {
    throw validationFailed(
      `${field} must be 1 to 128 characters: letters, digits, spaces and . _ : / @ + ( ) = - (starting with a letter or digit)`,
      { field },
    );
  }
  return input;
}

/**
 * derivedFrom: an array of { artifactId, version } (or its JSON, as a multipart or query field);
 * duplicates are dropped, order kept.
 */
export function parseDerivedFrom(input: unknown): TInputRef[] {
  let list: unknown = input;
  if (typeof input === "string") {
    try {
      list = JSON.parse(input);
    } catch {
      throw validationFailed("derivedFrom is not valid JSON", { field: "derivedFrom" });
    }
  }
  if (!Array.isArray(list)) throw validationFailed("derivedFrom must be an array of { artifactId, version }", { field: "derivedFrom" });
  if (list.length > MAX_DERIVED_FROM) {
    throw validationFailed(`derivedFrom may name at most ${MAX_DERIVED_FROM} inputs`, { field: "derivedFrom", max: MAX_DERIVED_FROM });
  }
  const seen = new Set<string>();
  const refs: TInputRef[] = [];
  list.forEach((item: unknown, index) => {
    const ref = item as { artifactId?: unknown; version?: unknown } | null;
    const keys = ref && typeof ref === "object" ? Object.keys(ref) : [];
    if (
      !ref ||
      typeof ref.artifactId !== "string" ||
      !ARTIFACT_ID_PATTERN.test(ref.artifactId) ||
      typeof ref.version !== "number" ||
      !Number.isSafeInteger(ref.version) ||
      ref.version < 0 ||
      keys.some((k) => k !== "artifactId" && k !== "version")
    ) {
      throw validationFailed(`derivedFrom[${index}] must be { artifactId, version } with a version number 0 or more`, {
        field: "derivedFrom",
        index,
      });
    }
    const key = `${ref.artifactId}@${ref.version}`;
    if (seen.has(key)) return;
    seen.add(key);
    refs.push({ artifactId: ref.artifactId, version: ref.version });
  });
  return refs;
}
