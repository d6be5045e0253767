import { validationFailed } from "./errors.ts";

// A date, or a date and time with a zone: a time without one would mean the server's local time.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** A query's time bound (`from`, `to`) as epoch milliseconds; a 400 naming the field otherwise. */
export function parseInstant(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = ISO_INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  // JavaScript rolls a day past the month's end (2030-02-30) over into the next month.
  const [year, month, day] = value.slice(0, 10).split("-").map(Number) as [number, number, number];
  if (Number.isNaN(ms) || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) {
    throw validationFailed(`${field} must be an ISO 8601 date (2030-01-31) or date and time with a zone (2030-01-31T12:00:00Z)`, { field });
  }
  return ms;
}
