// A throwaway S3 server for a benchmark: Ceph's RADOS Gateway on loopback, started with
// scripts/start-test-s3.sh (objects in RAM, 4 GiB cap) and stopped on every exit path.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { TTestS3 } from "../../test/support/test-s3.ts";
import { onCleanup, ROOT } from "./common.ts";

export type TBenchS3 = TTestS3 & {
  /** The directory start-test-s3.sh made (its TEST_S3_DIR). */
  dir: string;
  /** radosgw and ceph-osd: where the S3 server's CPU time goes. */
  pids: () => number[];
  /**
   * Reclaims deleted objects now. RGW hands the data of deleted objects to its garbage collector,
   * which (as configured by start-rgw.sh) frees it only a minute or two later; with objects in
   * RAM that would pile up, and a collection running in the middle of a measurement skews it.
   */
  collectGarbage: () => void;
  stop: () => Promise<void>;
};

const STARTUP_TIMEOUT_MS = 120_000;

function stopDir(dir: string): void {
  execFileSync("bash", [path.join(ROOT, "scripts/stop-test-s3.sh"), dir], { stdio: "ignore", timeout: 60_000 });
}

/**
 * Starts the RGW. The script runs in its own process group, so a Ctrl-C during the ~2 s start
 * does not cut it off half-way (leaving daemons nobody knows about): cleanup waits for it to
 * finish, then stops what it started. If the script itself fails, the directory it names in its
 * error output is stopped as well.
 */
export async function startS3(): Promise<TBenchS3> {
  const child = spawn("bash", [path.join(ROOT, "scripts/start-test-s3.sh")], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
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
    // Never leave a half-started server behind: wait for the script to finish first.
    await exited;
    if (stopped) return;
    stopped = true;
    const target = started.dir ?? /(\/tmp\/stowage-s3\.[A-Za-z0-9]+)\/rgw/.exec(stderr)?.[1];
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
  const vars = Object.fromEntries([...stdout.matchAll(/^(TEST_S3_[A-Z_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
  const dir = (started.dir = vars.TEST_S3_DIR);
  if (code !== 0 || !vars.TEST_S3_ENDPOINT || !dir) {
    throw new Error(`scripts/start-test-s3.sh failed (exit ${code}):\n${stderr.slice(-3000)}`);
  }
  const conf = path.join(dir, "rgw", "ceph.conf");
  const pidOf = (daemon: string) => {
    const file = path.join(dir, "rgw", "run", `${daemon}.pid`);
    return existsSync(file) ? Number(readFileSync(file, "utf8").trim()) : NaN;
  };
  const pids = [pidOf("client.rgw"), pidOf("osd.0")].filter((p) => Number.isInteger(p) && p > 0);
  if (pids.length !== 2) throw new Error(`could not read the radosgw/ceph-osd pids under ${dir}/rgw/run`);
  return {
    endpoint: vars.TEST_S3_ENDPOINT,
    accessKeyId: vars.TEST_S3_ACCESS_KEY!,
    secretAccessKey: vars.TEST_S3_SECRET_KEY!,
    region: "us-east-1",
    dir,
    pids: () => pids,
    collectGarbage: () =>
      execFileSync("radosgw-admin", ["-c", conf, "gc", "process", "--include-all"], { stdio: "ignore", timeout: 60_000 }),
    stop,
  };
}
