// A throwaway server started by one of scripts/start-test-*.sh and stopped by its stop-test-*.sh
// on every exit path. The start script runs in its own process group, so a Ctrl-C during its start
// does not cut it off half-way (leaving daemons nobody knows about): cleanup waits for it to
// finish, then stops what it started, even when the script itself failed (the directory it made
// is then read from its error output).
import { execFileSync, spawn } from "node:child_process";
import path from "node:path";
import { onCleanup, ROOT } from "./common.ts";

const STARTUP_TIMEOUT_MS = 120_000;

export type TTestService = {
  /** The `<prefix>*=value` lines the start script printed. */
  vars: Record<string, string>;
  /** The directory it made (its `<prefix>DIR`). */
  dir: string;
  stop: () => Promise<void>;
};

export async function startTestService(options: {
  /** e.g. "postgres" for scripts/start-test-postgres.sh and scripts/stop-test-postgres.sh */
  kind: string;
  /** The variables' prefix, e.g. "TEST_POSTGRES_". */
  prefix: string;
  /** Variables that must be printed besides `<prefix>DIR`. */
  required: string[];
  /** Finds the directory in the error output of a script that failed after making it. */
  dirInErrors: RegExp;
}): Promise<TTestService> {
  const script = `scripts/start-test-${options.kind}.sh`;
  const stopDir = (dir: string) =>
    execFileSync("bash", [path.join(ROOT, `scripts/stop-test-${options.kind}.sh`), dir], { stdio: "ignore", timeout: 60_000 });
  const child = spawn("bash", [path.join(ROOT, script)], { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d));
  child.stderr.on("data", (d: Buffer) => (stderr += d));
  // "close", not "exit": only then has all of its output (the directory it made) been read.
  const exited = new Promise<number>((resolve) => {
    child.once("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    child.once("error", () => resolve(127));
  });
  const timeout = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  }, STARTUP_TIMEOUT_MS);

  // Known once the script has printed it; read by the clean-ups registered before that.
  const started: { dir?: string } = {};
  let stopped = false;
  const stop = async () => {
    await exited;
    if (stopped) return;
    stopped = true;
    const target = started.dir ?? options.dirInErrors.exec(stderr)?.[1];
    if (target) stopDir(target);
  };
  onCleanup(stop);
  // Last resort (process.exit without cleanups): synchronously, if it started at all.
  process.once("exit", () => {
    if (!stopped && started.dir) {
      try {
        stopDir(started.dir);
      } catch {
        // nothing more to do on the way out
      }
    }
  });

  const code = await exited;
  clearTimeout(timeout);
  const line = new RegExp(`^(${options.prefix}[A-Z_]+)=(.*)$`, "gm");
  const vars = Object.fromEntries([...stdout.matchAll(line)].map((m) => [m[1]!, m[2]!]));
  const dir = (started.dir = vars[`${options.prefix}DIR`]);
  if (code !== 0 || !dir || options.required.some((name) => !vars[name])) {
    throw new Error(`${script} failed (exit ${code}):\n${stderr.slice(-3000)}`);
  }
  return { vars, dir, stop };
}
