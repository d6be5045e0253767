import "server-only";
import type { Db } from "../db/client.ts";
import { requireNamespace } from "../access/namespace-access.ts";
import type { TPrincipal } from "../access/principal.ts";
import { addDays, utcDay } from "./utc-day.ts";

/** One day of a namespace's usage; null: not known (before the first sample of its history). */
export type TUsagePoint = { day: string; usedBytes: number | null };

/**
 * One point per UTC day, oldest first, ending today. A day without a sample carries the last
 * known value forward (usage only changes when a sample is written). Days before the
 * namespace existed are 0; days after that but before any sample are unknown, except that
 * today is always the live counter.
 */
export function fillDaySeries(input: {
  samples: { day: string; usedBytes: number }[];
  /** The latest sample before the window, if any. */
  before: { day: string; usedBytes: number } | null;
  days: number;
  today: string;
  createdDay: string;
  currentBytes: number;
}): TUsagePoint[] {
  const byDay = new Map(input.samples.map((s) => [s.day, s.usedBytes]));
  let last: number | null = input.before?.usedBytes ?? null;
  const points: TUsagePoint[] = [];
  for (let i = input.days - 1; i >= 0; i--) {
    const day = addDays(input.today, -i);
    const sampled = byDay.get(day);
    if (sampled !== undefined) last = sampled;
    else if (last === null && day < input.createdDay) {
      points.push({ day, usedBytes: 0 });
      continue;
    }
    points.push({ day, usedBytes: day === input.today ? input.currentBytes : last });
  }
  return points;
}

/** The namespace's stored bytes per day over the last `days` days, for a reader of it. */
export async function getUsageSeries(
  db: Db,
  principal: TPrincipal,
  namespace: string,
  days: number,
  now = new Date(),
): Promise<TUsagePoint[]> {
  const ns = await requireNamespace(db, principal, namespace, "read");
  const today = utcDay(now);
  const start = addDays(today, -(days - 1));
  const [samples, before] = await Promise.all([
    db.usageSample.findMany({ where: { namespaceId: ns.id, day: { gte: start } }, orderBy: { day: "asc" } }),
    db.usageSample.findFirst({ where: { namespaceId: ns.id, day: { lt: start } }, orderBy: { day: "desc" } }),
  ]);
  const asNumber = (s: { day: string; usedBytes: bigint }) => ({ day: s.day, usedBytes: Number(s.usedBytes) });
  return fillDaySeries({
    samples: samples.map(asNumber),
    before: before ? asNumber(before) : null,
    days,
    today,
    createdDay: utcDay(ns.createdAt),
    currentBytes: Number(ns.usedBytes),
  });
}
