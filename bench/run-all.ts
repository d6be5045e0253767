// Runs every benchmark in sequence, each in a child process of its own, then prints a summary.
//
//   node --import ./scripts/register-hooks.mjs bench/run-all.ts          (also: npm run bench)
//
// BENCH_LOCK=/tmp/stowage-build.lock wraps each benchmark in `flock <file>`, so nobody rebuilds
// .next while a benchmark's server runs from it (do not also wrap run-all itself in flock on the
// same file: the children would wait for their parent's lock forever). Every other BENCH_* variable
// is passed through (see bench/README.md). Exits non-zero if any benchmark failed.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, table } from "./support/common.ts";

const BENCHES = [
  "bench/small-ops.bench.ts",
  "bench/upload-download.bench.ts",
  "bench/list-artifacts.bench.ts",
  "bench/s3.bench.ts",
  "bench/run-page.bench.ts",
  "bench/adk-adapter.bench.ts",
  "bench/lineage.bench.ts",
];

function run(script: string, jsonOut: string): Promise<number> {
  const node = [process.execPath, "--import", "./scripts/register-hooks.mjs", script];
  const lock = process.env.BENCH_LOCK;
  const [command, ...args] = lock ? ["flock", lock, ...node] : node;
  return new Promise((resolve) => {
    const child = spawn(command!, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, BENCH_JSON_OUT: jsonOut } });
    // Forward Ctrl-C/TERM so the child cleans up its servers and temp dirs before we exit.
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.once("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 128 : 1));
    });
    child.once("error", (error) => {
      console.error(`could not start ${script}:`, error.message);
      resolve(1);
    });
  });
}

const outDir = mkdtempSync(path.join(os.tmpdir(), "stowage-bench-results-"));
const outcomes: { script: string; code: number; seconds: number; json?: Record<string, unknown> }[] = [];
try {
  for (const script of BENCHES) {
    console.log(`\n===== ${script} =====`);
    const jsonOut = path.join(outDir, `${path.basename(script, ".ts")}.json`);
    const started = Date.now();
    const code = await run(script, jsonOut);
    let json: Record<string, unknown> | undefined;
    try {
      json = JSON.parse(readFileSync(jsonOut, "utf8")) as Record<string, unknown>;
    } catch {
      // no results: the benchmark failed before reporting
    }
    outcomes.push({ script, code, seconds: (Date.now() - started) / 1000, json });
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

console.log("\n===== summary =====");
console.log(
  table(
    ["benchmark", "exit", "seconds", "goals"],
    // A benchmark without goals (s3) writes no allOk: it only reports numbers.
    outcomes.map((o) => [
      o.script,
      o.code,
      o.seconds.toFixed(0),
      !o.json ? "-" : !("allOk" in o.json) ? "none set" : o.json.allOk ? "all met" : "NOT all met",
    ]),
  ),
);
const failed = outcomes.filter((o) => o.code !== 0);
if (failed.length) {
  console.error(`\n${failed.length} benchmark(s) failed: ${failed.map((o) => o.script).join(", ")}`);
  process.exit(1);
}
