import "server-only";
import { processState } from "../process-state.ts";

/**
 * A small Prometheus registry (text exposition format 0.0.4). It lives in process state: the
 * custom server counts requests and Next's bundle counts quota refusals, into the same series.
 * Label values are route patterns, methods and fixed words, never paths, keys or tokens.
 */
type TLabels = Record<string, string>;
type TSeries = { labels: TLabels; value: number };
type THistogramSeries = { labels: TLabels; counts: number[]; sum: number; count: number };
type TMetric =
  | { kind: "counter" | "gauge"; help: string; unlabelled: boolean; series: Map<string, TSeries> }
  | { kind: "histogram"; help: string; buckets: number[]; series: Map<string, THistogramSeries> };

const registry = () => processState("metrics", () => new Map<string, TMetric>());

const keyOf = (labels: TLabels) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));

function metric(name: string, make: () => TMetric): TMetric {
  const metrics = registry();
  let m = metrics.get(name);
  if (!m) metrics.set(name, (m = make()));
  return m;
}

function series(name: string, kind: "counter" | "gauge", help: string, labels: TLabels): TSeries {
  const m = metric(name, () => ({ kind, help, unlabelled: false, series: new Map() }));
  if (m.kind === "histogram") throw new Error(`${name} is a histogram`);
  const key = keyOf(labels);
  let s = m.series.get(key);
  if (!s) m.series.set(key, (s = { labels, value: 0 }));
  return s;
}

/** Declares a counter; `inc` adds to the series of the given labels. */
export function counter(name: string, help: string, options: { unlabelled?: boolean } = {}) {
  metric(name, () => ({ kind: "counter", help, unlabelled: !!options.unlabelled, series: new Map() }));
  return {
    inc: (labels: TLabels = {}, by = 1) => {
      series(name, "counter", help, labels).value += by;
    },
  };
}

export function gauge(name: string, help: string, options: { unlabelled?: boolean } = {}) {
  metric(name, () => ({ kind: "gauge", help, unlabelled: !!options.unlabelled, series: new Map() }));
  return {
    add: (by: number, labels: TLabels = {}) => {
      series(name, "gauge", help, labels).value += by;
    },
  };
}

export function histogram(name: string, help: string, buckets: number[]) {
  const m = metric(name, () => ({ kind: "histogram", help, buckets, series: new Map() }));
  if (m.kind !== "histogram") throw new Error(`${name} is not a histogram`);
  return {
    observe: (value: number, labels: TLabels = {}) => {
      const key = keyOf(labels);
      let s = m.series.get(key);
      if (!s) m.series.set(key, (s = { labels, counts: m.buckets.map(() => 0), sum: 0, count: 0 }));
      m.buckets.forEach((le, i) => {
        if (value <= le) s.counts[i]! += 1;
      });
      s.sum += value;
      s.count += 1;
    },
  };
}

const escapeLabel = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
const formatLabels = (labels: TLabels, extra: TLabels = {}) => {
  const all = Object.entries({ ...labels, ...extra });
  return all.length ? `{${all.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(",")}}` : "";
};
const formatNumber = (n: number) => (n === Infinity ? "+Inf" : String(n));

/** Every metric in the text exposition format. */
export function renderMetrics(): string {
  const lines: string[] = [];
  for (const [name, m] of [...registry()].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`# HELP ${name} ${m.help}`, `# TYPE ${name} ${m.kind}`);
    if (m.kind === "histogram") {
      for (const s of m.series.values()) {
        m.buckets.forEach((le, i) => lines.push(`${name}_bucket${formatLabels(s.labels, { le: formatNumber(le) })} ${s.counts[i]}`));
        lines.push(`${name}_bucket${formatLabels(s.labels, { le: "+Inf" })} ${s.count}`);
        lines.push(`${name}_sum${formatLabels(s.labels)} ${s.sum}`, `${name}_count${formatLabels(s.labels)} ${s.count}`);
      }
    } else {
      // An unlabelled counter reads 0 before anything happened, rather than being absent.
      if (m.series.size === 0 && m.unlabelled) lines.push(`${name} 0`);
      for (const s of m.series.values()) lines.push(`${name}${formatLabels(s.labels)} ${formatNumber(s.value)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

export const METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
