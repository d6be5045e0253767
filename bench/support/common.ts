// Shared helpers for the benchmarks: cleanup on every exit path, a watchdog, temp dirs with a
// free-space check, RSS sampling and percentile statistics.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statfsSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const MiB = 1024 * 1024;

type TCleanup = () => Promise<void> | void;
const cleanups: TCleanup[] = [];
let cleaningUp: Promise<void> | undefined;

/** Registers work to undo on exit (LIFO): stopping servers, removing temp dirs. */
export function onCleanup(fn: TCleanup): void {
  cleanups.push(fn);
}

export function runCleanups(): Promise<void> {
  cleaningUp ??= (async () => {
    while (cleanups.length) {
      const fn = cleanups.pop()!;
      try {
        await fn();
      } catch (error) {
        console.error("cleanup failed:", error);
      }
    }
  })();
  return cleaningUp;
}

/**
 * Runs a benchmark's main function: a watchdog bounds the whole run, signals and failures still
 * stop the servers and delete the temp dirs, and the exit code says whether it passed.
 */
export function runMain(name: string, main: () => Promise<void>, timeoutSeconds: number): void {
  const fail = async (message: string, code: number) => {
    console.error(`${name}: ${message}`);
    await runCleanups();
    process.exit(code);
  };
  const watchdog = setTimeout(() => void fail(`gave up after ${timeoutSeconds} s (BENCH_TIMEOUT_S)`, 1), timeoutSeconds * 1000);
  watchdog.unref();
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => void fail(`interrupted by ${signal}`, 130));
  }
  main()
    .then(async () => {
      await runCleanups();
      clearTimeout(watchdog);
      process.exit(process.exitCode ?? 0);
    })
    .catch((error: unknown) => void fail(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 1));
}

export function envInt(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}, got ${JSON.stringify(raw)}`);
  return value;
}

/** The benchmarks run the production server, which needs `npx next build` first. */
export function assertBuilt(): void {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("no production build in .next: run `npx next build` first (see bench/README.md)");
  }
}

/** A fresh temp dir (under BENCH_TMPDIR or the OS temp dir) that is deleted on exit. */
export function makeTempDir(prefix: string, neededBytes = 0): string {
  const base = process.env.BENCH_TMPDIR || os.tmpdir();
  const fs = statfsSync(base);
  const free = fs.bavail * fs.bsize;
  if (free < neededBytes + 1024 * MiB) {
    throw new Error(
      `${base} has ${(free / 2 ** 30).toFixed(1)} GiB free; this run needs about ${(neededBytes / 2 ** 30 + 1).toFixed(1)} GiB (set BENCH_TMPDIR)`,
    );
  }
  const dir = mkdtempSync(path.join(base, prefix));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  onCleanup(remove);
  // Again at exit: work still in flight while cleaning up (a lazily opened database) may recreate files.
  process.once("exit", remove);
  return dir;
}

/**
 * Lets timers and signal handlers run. Prisma on SQLite (a synchronous driver) can resolve every
 * promise in a long loop as a microtask, which would starve the watchdog and Ctrl-C otherwise.
 */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** VmRSS of a process in bytes (Linux), or null once it has gone. */
export function readRss(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `intervalMs` until stopped; returns the samples taken. */
export function sampleRss(pid: number, intervalMs = 100): { stop: () => number[] } {
  const samples: number[] = [];
  const take = () => {
    const rss = readRss(pid);
    if (rss !== null) samples.push(rss);
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

let clockTicks: number | undefined;

/**
 * User and system CPU seconds a process has used so far (all its threads), from /proc/<pid>/stat;
 * `children`: what its children that ended (and were waited for) used, in the same units.
 */
export function readCpu(pid: number): { user: number; system: number; children: number } {
  clockTicks ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return {
    user: Number(fields[11]) / clockTicks,
    system: Number(fields[12]) / clockTicks,
    children: (Number(fields[13]) + Number(fields[14])) / clockTicks,
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function summarize(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    min: sorted[0] ?? NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? NaN,
    mean: sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1),
  };
}

export const median = (values: number[]) => summarize(values).p50;

/** A plain-text table with right-aligned columns after the first. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(cells[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

export function machineInfo(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}
