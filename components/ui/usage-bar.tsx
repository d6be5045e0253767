import { formatBytes } from "./format";

/** Share of the quota used, as a whole percent (0 quota: any use is over). */
export function usagePercent(usedBytes: number, quotaBytes: number): number {
  if (quotaBytes <= 0) return usedBytes > 0 ? 100 : 0;
  return Math.round((usedBytes / quotaBytes) * 1000) / 10;
}

/** Colour by level: over 80 % is a warning, over 100 % an error. */
export function usageLevel(percent: number): "ok" | "warn" | "over" {
  return percent > 100 ? "over" : percent > 80 ? "warn" : "ok";
}

const FILL = { ok: "bg-sky-600", warn: "bg-amber-500", over: "bg-red-600" } as const;
const TEXT = { ok: "text-slate-600", warn: "text-amber-800", over: "text-red-700" } as const;

/**
 * Stored bytes against a quota: a bar with the numbers beside it, and a meter for assistive
 * technology. `label` names what is measured (e.g. the namespace).
 */
export function UsageBar({ usedBytes, quotaBytes, label }: { usedBytes: number; quotaBytes: number; label: string }) {
  const percent = usagePercent(usedBytes, quotaBytes);
  const level = usageLevel(percent);
  // A little use of a big quota is not "0%".
  const shown = percent === 0 && usedBytes > 0 ? "<0.1" : String(percent);
  const summary = `${formatBytes(usedBytes)} of ${formatBytes(quotaBytes)} (${shown}%)`;
  return (
    <div data-testid="usage-bar" data-level={level}>
      <div
        role="meter"
        aria-label={`${label} storage used`}
        aria-valuemin={0}
        aria-valuemax={quotaBytes}
        aria-valuenow={Math.min(usedBytes, quotaBytes)}
        aria-valuetext={summary}
        className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className={`h-full rounded-full ${FILL[level]}`} style={{ width: `${Math.min(percent, 100)}%` }} />
      </div>
      <p className={`mt-1 text-sm ${TEXT[level]}`} data-testid="usage-text">
        {summary}
        {level === "over" && <span className="font-medium"> — over quota: uploads are refused until usage drops</span>}
        {level === "warn" && <span className="font-medium"> — nearly full</span>}
      </p>
    </div>
  );
}
