import { parseAliasName } from "@/lib/aliases/alias-name";
import { StowageError } from "@/lib/errors";

/** `?version=N`: undefined when absent (the latest), "invalid" for anything but a whole number. */
export function parseVersionParam(raw: string | undefined): number | undefined | "invalid" {
  if (raw === undefined) return undefined;
  return /^\d{1,9}$/.test(raw) ? Number(raw) : "invalid";
}

/** `?alias=NAME` as a version reference: undefined when absent, "invalid" for a name no alias can have. */
export function parseAliasParam(raw: string | undefined): { alias: string } | undefined | "invalid" {
  if (raw === undefined) return undefined;
  try {
    return { alias: parseAliasName(raw) };
  } catch {
    return "invalid";
  }
}

/**
 * Loads with the history cursor from the URL; a stale or mangled one falls back to the first
 * page instead of failing the page.
 */
export async function withHistoryCursor<T>(
  cursor: string | undefined,
  load: (cursor: string | undefined) => Promise<T>,
): Promise<{ view: T; cursor: string | undefined }> {
  if (cursor === undefined) return { view: await load(undefined), cursor };
  try {
    return { view: await load(cursor), cursor };
  } catch (error) {
    if (error instanceof StowageError && error.code === "ARTIFACT_VALIDATION_FAILED")
      return { view: await load(undefined), cursor: undefined };
    throw error;
  }
}
