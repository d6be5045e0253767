import { validationFailed } from "./errors.ts";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export function parseLimit(input: string | null | undefined): number {
  if (input === null || input === undefined) return DEFAULT_PAGE_SIZE;
  if (!/^\d{1,4}$/.test(input) || Number(input) < 1 || Number(input) > MAX_PAGE_SIZE) {
    throw validationFailed(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}`, { field: "limit" });
  }
  return Number(input);
}

/** Cursors are opaque to clients: base64url JSON of the last item's sort key. */
export function encodeCursor(value: string | number): string {
  return Buffer.from(JSON.stringify({ k: value })).toString("base64url");
}

export function decodeCursor<T extends "string" | "number">(
  cursor: string | null | undefined,
  type: T,
): (T extends "string" ? string : number) | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  const invalid = () => validationFailed("cursor is malformed; pass back the nextCursor of a previous page", { field: "cursor" });
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  const k = (parsed as { k?: unknown } | null)?.k;
  if (typeof k !== type) throw invalid();
  return k as T extends "string" ? string : number;
}

/** Takes `limit + 1` rows' worth of results and splits off whether there is a next page. */
export function paginate<T>(rows: T[], limit: number, key: (row: T) => string | number) {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { page, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(key(last)) : null };
}
