import { formatBytes } from "@/components/ui/format";

export type TChartPoint = { day: string; usedBytes: number | null };

const W = 600;
const H = 160;

/**
 * A round number of the unit formatBytes will print (B, KB, MB, … in powers of 1024) at or above
 * `n`, so the axis labels read "3 KB" and "1.5 KB" rather than "2.4 KB" and "1.2 KB".
 */
function niceCeiling(n: number): number {
  if (n <= 0) return 1024;
  const unit = 1024 ** Math.min(4, Math.floor(Math.log(n) / Math.log(1024)));
  const inUnit = n / unit;
  const magnitude = 10 ** Math.floor(Math.log10(inUnit));
  const step = [1, 2, 3, 4, 5, 6, 8, 10].find((s) => s * magnitude >= inUnit) ?? 10;
  return step * magnitude * unit;
}

/** The path for the known points; an unknown day breaks the line. */
function linePath(points: TChartPoint[], x: (i: number) => number, y: (v: number) => number): string {
  let d = "";
  let pen = false;
  points.forEach((p, i) => {
    if (p.usedBytes === null) {
      pen = false;
      return;
    }
    d += `${pen ? "L" : "M"}${x(i).toFixed(1)},${y(p.usedBytes).toFixed(1)}`;
    pen = true;
  });
  return d;
}

/**
 * Stored bytes per day, drawn on the server as inline SVG (no script, no chart library). The
 * quota shows as a dashed line when it is near enough to the data to matter. For assistive
 * technology: a summary in the image's label and the numbers in a visually hidden table.
 */
export function UsageChart({ points, quotaBytes, label }: { points: TChartPoint[]; quotaBytes: number; label: string }) {
  const known = points.filter((p): p is { day: string; usedBytes: number } => p.usedBytes !== null);
  const max = Math.max(0, ...known.map((p) => p.usedBytes));
  const showQuota = quotaBytes > 0 && quotaBytes <= Math.max(max * 2, 1);
  const top = niceCeiling(Math.max(max, showQuota ? quotaBytes : 0) * 1.05);
  const x = (i: number) => (points.length <= 1 ? W : (i / (points.length - 1)) * W);
  const y = (v: number) => H - (v / top) * H;
  const line = linePath(points, x, y);
  const first = known[0];
  const last = known[known.length - 1];
  const summary =
    first && last
      ? `Storage used by ${label} over the last ${points.length} days: ${formatBytes(first.usedBytes)} on ${first.day}, ${formatBytes(last.usedBytes)} on ${last.day}, at most ${formatBytes(max)}.`
      : `No usage recorded for ${label} in the last ${points.length} days.`;
  // The area under the line, closed to the baseline, one piece per unbroken run of days.
  const areas = line
    .split("M")
    .filter(Boolean)
    .map((segment) => {
      const coords = segment.split("L").map((c) => c.split(",").map(Number) as [number, number]);
      return `M${coords[0]![0]},${H}L${segment}L${coords[coords.length - 1]![0]},${H}Z`;
    });
  return (
    <figure className="min-w-0" data-testid="usage-chart">
      <div className="flex gap-2">
        <div aria-hidden className="flex w-16 shrink-0 flex-col justify-between py-0 text-right text-xs text-slate-500">
          <span>{formatBytes(top)}</span>
          <span>{formatBytes(top / 2)}</span>
          <span>0 B</span>
        </div>
        <svg
          role="img"
          aria-label={summary}
          viewBox={`0 0 ${W} ${H}`}
          preserveAspectRatio="none"
          className="h-40 min-w-0 flex-1 overflow-visible"
        >
          {[0, 0.5, 1].map((f) => (
            <line key={f} x1={0} x2={W} y1={H * f} y2={H * f} stroke="#e2e8f0" strokeWidth={1} vectorEffect="non-scaling-stroke" />
          ))}
          {areas.map((d) => (
            <path key={d} d={d} fill="#0369a1" fillOpacity={0.12} stroke="none" />
          ))}
          <path d={line} fill="none" stroke="#0369a1" strokeWidth={2} vectorEffect="non-scaling-stroke" strokeLinejoin="round" />
          {known.length === 1 && (
            // A round cap on a zero-length stroke: a dot that the stretched viewBox cannot squash.
            <path
              d={`M${x(points.indexOf(known[0]!))},${y(known[0]!.usedBytes)}l0.01,0`}
              stroke="#0369a1"
              strokeWidth={6}
              strokeLinecap="round"
              vectorEffect="non-scaling-stroke"
            />
          )}
          {showQuota && (
            <line
              x1={0}
              x2={W}
              y1={y(quotaBytes)}
              y2={y(quotaBytes)}
              stroke="#b91c1c"
              strokeDasharray="6 4"
              strokeWidth={1.5}
              vectorEffect="non-scaling-stroke"
            />
          )}
        </svg>
      </div>
      <div aria-hidden className="ml-[4.5rem] mt-1 flex justify-between text-xs text-slate-500">
        <span>{points[0]?.day}</span>
        <span>{points[points.length - 1]?.day}</span>
      </div>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        <span className="inline-flex items-center gap-1">
          <span aria-hidden className="inline-block h-0.5 w-4 bg-sky-700" /> stored bytes per day (UTC)
        </span>
        {showQuota && (
          <span className="inline-flex items-center gap-1">
            <span aria-hidden className="inline-block w-4 border-t-2 border-dashed border-red-700" /> quota {formatBytes(quotaBytes)}
          </span>
        )}
      </figcaption>
      {/* Tables ignore sr-only's 1px width, so a wrapper hides it (and keeps phones from scrolling sideways). */}
      <div className="sr-only">
        <table>
          <caption>Storage used by {label} per day</caption>
          <thead>
            <tr>
              <th scope="col">Day (UTC)</th>
              <th scope="col">Stored</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.day}>
                <td>{p.day}</td>
                <td>{p.usedBytes === null ? "not known" : formatBytes(p.usedBytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
