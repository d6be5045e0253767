import "server-only";

/** The UTC calendar day of an instant, as "YYYY-MM-DD" (how usage samples are keyed). */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** The UTC day `days` after (or before, when negative) the given "YYYY-MM-DD". */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return utcDay(d);
}
