// Starting and stopping the servers under test; both are stopped on every exit path.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
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
export async function startStowage(dataDir: string, adminKey: string, env: Record<string, string> = {}): Promise<TBenchServer> {
  const server = await startServer({ dataDir, databaseUrl: `file:${dataDir}/stowage.db`, adminKey, env });
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= server.stop());
  onCleanup(stop);
  return { baseUrl: server.baseUrl, pid: server.process.pid!, stop, output: server.output };
}

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
