import { validationFailed } from "../errors.ts";

const MAX_TAGS = 50;
const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._:/=+-]{0,63}$/u;
const MAX_METADATA_BYTES = 16 * 1024;

/** Tags: a JSON array of strings or a comma-separated list; deduplicated, order kept. */
export function parseTags(input: unknown): string[] {
  let list: unknown = input;
  if (typeof input === "string") {
    const trimmed = input.trim();
    if (trimmed.startsWith("[")) {
      try {
        list = JSON.parse(trimmed);
      } catch {
        throw validationFailed("tags is not valid JSON", { field: "tags" });
      }
    } else {
      list = trimmed === "" ? [] : trimmed.split(",").map((t) => t.trim());
    }
  }
  if (!Array.isArray(list)) throw validationFailed("tags must be an array of strings or a comma-separated list", { field: "tags" });
  const tags: string[] = [];
  for (const raw of list) {
    if (typeof raw !== "string") throw validationFailed("every tag must be a string", { field: "tags" });
    const tag = raw.normalize("NFC");
    if (!TAG_PATTERN.test(tag)) {
      throw validationFailed(
        `invalid tag ${JSON.stringify(raw)}: 1–64 letters, digits and . _ : / = + -, starting with a letter or digit`,
        { field: "tags" },
      );
    }
    if (!tags.includes(tag)) tags.push(tag);
  }
  if (tags.length > MAX_TAGS) throw validationFailed(`at most ${MAX_TAGS} tags`, { field: "tags" });
  return tags;
}

/** Custom metadata: a JSON object (given as an object or as JSON text), at most 16 KiB. */
export function parseMetadata(input: unknown): Record<string, unknown> {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch {
      throw validationFailed("metadata is not valid JSON", { field: "metadata" });
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw validationFailed("metadata must be a JSON object", { field: "metadata" });
  }
  const text = JSON.stringify(value);
  if (Buffer.byteLength(text) > MAX_METADATA_BYTES)
    throw validationFailed(`metadata must be at most ${MAX_METADATA_BYTES} bytes of JSON`, { field: "metadata" });
  for (const key of Object.keys(value)) {
    if (key.length === 0 || key.length > 128) throw validationFailed("metadata keys must be 1–128 characters", { field: "metadata" });
  }
  return value as Record<string, unknown>;
}

/** The rows that make `metadata.<key>=<value>` filterable: scalar values, as text. */
export function metadataEntries(metadata: Record<string, unknown>): { key: string; value: string }[] {
  return Object.entries(metadata)
    .filter(([, v]) => typeof v === "string" || typeof v === "number" || typeof v === "boolean")
    .map(([key, v]) => ({ key, value: String(v) }));
}

/** An ISO 8601 timestamp in the future (or null to clear, where allowed). */
export function parseExpiresAt(input: unknown, now = new Date()): Date {
  if (typeof input !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(input)) {
    throw validationFailed("expiresAt must be an ISO 8601 timestamp with a time zone, e.g. 2027-01-31T12:00:00Z", { field: "expiresAt" });
  }
  const date = new Date(input);
  // JavaScript rolls a day past the month's end (2030-02-30) over into the next month.
  const [year, month, day] = input.slice(0, 10).split("-").map(Number) as [number, number, number];
  if (Number.isNaN(date.getTime()) || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) {
    throw validationFailed("expiresAt is not a valid date", { field: "expiresAt" });
  }
  if (date.getTime() <= now.getTime()) throw validationFailed("expiresAt must be in the future", { field: "expiresAt" });
  return date;
}

const MIME_PATTERN = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/;

/** The media type without parameters, lowercased; "" when missing or unparsable. */
export function normalizeMimeType(input: string | null | undefined): string {
  const base = (input ?? "").split(";")[0]!.trim().toLowerCase();
  return MIME_PATTERN.test(base) ? base : "";
}

/** Non-negative version numbers as the API accepts them: decimal digits, within int32. */
export function parseVersionNumber(input: string | null | undefined, field = "version"): number | undefined {
  if (input === null || input === undefined) return undefined;
  if (!/^\d{1,10}$/.test(input) || Number(input) > 2_147_483_647) {
    throw validationFailed(`${field} must be a non-negative integer`, { field });
  }
  return Number(input);
}
