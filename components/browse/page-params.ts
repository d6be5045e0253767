import { StowageError } from "@/lib/errors";

export type TSearchParams = Record<string, string | string[] | undefined>;

/** One query parameter as a trimmed string, or undefined when absent or blank (an empty form field). */
export function param(params: TSearchParams, name: string): string | undefined {
  const raw = params[name];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value : undefined;
}

/** The page's own URL with some parameters replaced (undefined removes one): pager and filter links. */
export function hrefWith(path: string, params: TSearchParams, changes: Record<string, string | undefined>): string {
  const next = new URLSearchParams();
  for (const [key, raw] of Object.entries(params)) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value) next.set(key, value);
  }
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) next.delete(key);
    else next.set(key, value);
  }
  const query = next.toString();
  return query ? `${path}?${query}` : path;
}

/** A date field (YYYY-MM-DD) meant inclusively as an upper bound: the start of the next day. */
export function dayAfter(day: string | undefined): string | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  const next = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(next.getTime())) return day;
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * Runs a listing for a page whose filters come from the URL: what the user typed wrong (a bad
 * date, a namespace they cannot read) is shown next to the form instead of failing the page.
 */
export async function loadListing<T>(
  load: () => Promise<T>,
): Promise<{ data: T; error?: undefined } | { data?: undefined; error: string }> {
  try {
    return { data: await load() };
  } catch (error) {
    if (error instanceof StowageError && error.status < 500) return { error: error.message };
    throw error;
  }
}
