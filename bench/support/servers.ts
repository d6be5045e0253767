// Starting and stopping the servers under test; both are stopped on every exit path.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { startServer } from "../../test/support/start-server.ts";
import { onCleanup, ROOT } from "./common.ts";

export type TBenchServer = { baseUrl: string; pid: number; stop: () => Promise<void>; output: () => string };

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5000).unref();
  });
}

/** An admin key valid for STOWAGE_ADMIN_KEY (at least 20 characters). */
export const newAdminKey = () => `stw_bench_admin_${randomBytes(12).toString("hex")}`;

/**
 * The production server exactly as `npm start` runs it (see test/support/start-server.ts),
 * on a SQLite database in `dataDir`. The admin key only matters on an empty database.
 */
export async function startStowage(
  dataDir: string,
  adminKey: string,
  env: Record<string, string> = {},
  /** More Node flags for the server alone, on its command line (e.g. --cpu-prof). */
  nodeArgs: string[] = [],
): Promise<TBenchServer & { gc: () => TGcTotals }> {
  // The GC probe (bench/support/gc-probe.mjs) rides along in NODE_OPTIONS, after whatever was
  // there and BENCH_SERVER_NODE_OPTIONS (to try V8 flags on the server alone, e.g.
  // --max-semi-space-size=64).
  const gcFile = path.join(dataDir, "..", `${path.basename(dataDir)}.gc.json`);
  const nodeOptions = [
    process.env.NODE_OPTIONS,
    process.env.BENCH_SERVER_NODE_OPTIONS,
    `--import ${path.join(ROOT, "bench/support/gc-probe.mjs")}`,
  ];
  const server = await startServer({
    dataDir,
    databaseUrl: `file:${dataDir}/stowage.db`,
    adminKey,
    nodeArgs,
    env: { NODE_OPTIONS: nodeOptions.filter(Boolean).join(" "), STOWAGE_BENCH_GC_FILE: gcFile, ...env },
  });
  let stopped: Promise<void> | undefined;
  // BENCH_SERVER_LOG=1 prints what the server wrote, once it has stopped.
  const stop = () =>
    (stopped ??= server.stop().then(() => {
      if (process.env.BENCH_SERVER_LOG === "1") console.log(`--- Stowage server output (${dataDir}) ---\n${server.output()}--- end ---`);
    }));
  onCleanup(stop);
  const gc = (): TGcTotals => {
    try {
      return JSON.parse(readFileSync(gcFile, "utf8")) as TGcTotals;
    } catch {
      return { major: { n: 0, ms: 0 }, minor: { n: 0, ms: 0 }, incremental: { n: 0, ms: 0 } };
    }
  };
  return { baseUrl: server.baseUrl, pid: server.process.pid!, stop, output: server.output, gc };
}

/** Running GC totals of a Stowage server: count and main-thread milliseconds per kind. */
export type TGcTotals = Record<"major" | "minor" | "incremental", { n: number; ms: number }>;

/** bench/support/baseline-server.ts in a child process of its own, like Stowage. */
export async function startBaseline(dir: string): Promise<TBenchServer> {
  const child = spawn(process.execPath, ["--import", "./scripts/register-hooks.mjs", "bench/support/baseline-server.ts", dir], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= stopChild(child));
  onCleanup(stop);
  let log = "";
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`baseline server did not start within 30 s:\n${log}`)), 30_000);
    child.stdout!.on("data", (d: Buffer) => {
      log += d;
      const match = /LISTENING (\d+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.stderr!.on("data", (d: Buffer) => (log += d));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`baseline server exited with ${code}:\n${log}`));
    });
  });
  return { baseUrl: `http://127.0.0.1:${port}`, pid: child.pid!, stop, output: () => log };
}
