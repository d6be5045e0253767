// Preloaded into the Stowage server by the benchmarks (NODE_OPTIONS=--import): counts the
// server's garbage collections and keeps running totals in the file named by
// STOWAGE_BENCH_GC_FILE, so a benchmark can tell how many major GCs a transfer cost.
// Plain JavaScript because it loads before the TypeScript hooks.
import { writeFileSync } from "node:fs";
import { constants, PerformanceObserver } from "node:perf_hooks";

const file = process.env.STOWAGE_BENCH_GC_FILE;
if (file) {
  const names = {
    [constants.NODE_PERFORMANCE_GC_MAJOR]: "major",
    [constants.NODE_PERFORMANCE_GC_MINOR]: "minor",
    [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental",
    [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weakcb",
  };
  const totals = { major: { n: 0, ms: 0 }, minor: { n: 0, ms: 0 }, incremental: { n: 0, ms: 0 }, weakcb: { n: 0, ms: 0 } };
  let dirty = false;
  const flush = () => {
    if (!dirty) return;
    dirty = false;
    try {
      writeFileSync(file, JSON.stringify(totals));
    } catch {
      // the benchmark's temp dir is gone: nothing left to report to
    }
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const total = totals[names[entry.detail?.kind] ?? "weakcb"];
      total.n++;
      total.ms += entry.duration;
    }
    dirty = true;
  }).observe({ entryTypes: ["gc"] });
  setInterval(flush, 50).unref();
  process.on("exit", flush);
  dirty = true;
  flush();
}
