import { validationFailed } from "../errors.ts";

/** Which version a read means: a number, an alias ({ alias: "production" }), or the latest (undefined). */
export type TVersionRef = number | { alias: string } | undefined;

/** A request's `version` and `alias` as one reference; both at once is a 400. */
export function versionRef(query: { version?: number; alias?: string }): TVersionRef {
  if (query.alias !== undefined && query.version !== undefined) {
    throw validationFailed("give version or alias, not both", { field: "alias" });
  }
  return query.alias !== undefined ? { alias: query.alias } : query.version;
}
