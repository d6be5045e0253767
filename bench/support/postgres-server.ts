// A throwaway PostgreSQL cluster for a benchmark, started the way the test suite starts one
// (scripts/start-test-postgres.sh: loopback, trust auth, fsync=off) and stopped on every exit path
// (scripts/stop-test-postgres.sh), with a fresh database for the benchmark.
import { execFileSync, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { onCleanup, readCpu, ROOT } from "./common.ts";

export type TBenchPostgres = {
  /** A fresh, empty database on the cluster. */
  url: string;
  /** The directory start-test-postgres.sh made (its TEST_POSTGRES_DIR). */
  dir: string;
  /** CPU seconds used so far by the postmaster and all its children (backends, writers). */
  cpu: () => number;
  stop: () => Promise<void>;
};

const STARTUP_TIMEOUT_MS = 120_000;

function stopDir(dir: string): void {
  execFileSync("bash", [path.join(ROOT, "scripts/stop-test-postgres.sh"), dir], { stdio: "ignore", timeout: 60_000 });
}

/** Every process whose parent is `pid` (PostgreSQL's backends are children of the postmaster). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

/**
 * Starts the cluster. As with the S3 server, the script runs in its own process group so a
 * Ctrl-C during its start does not leave a half-started cluster: cleanup waits for it, then
 * stops whatever directory it made (from its output, or from its error output on failure).
 */
export async function startPostgres(database = "stowage_bench"): Promise<TBenchPostgres> {
  const child = spawn("bash", [path.join(ROOT, "scripts/start-test-postgres.sh")], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d));
  child.stderr.on("data", (d: Buffer) => (stderr += d));
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

  const started: { dir?: string } = {};
  let stopped = false;
  const stop = async () => {
    await exited;
    if (stopped) return;
    stopped = true;
    const target = started.dir ?? /(\/tmp\/stowage-pg\.[A-Za-z0-9]+)/.exec(stderr)?.[1];
    if (target) stopDir(target);
  };
  onCleanup(stop);
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
  const vars = Object.fromEntries([...stdout.matchAll(/^(TEST_POSTGRES_[A-Z_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
  const dir = (started.dir = vars.TEST_POSTGRES_DIR);
  if (code !== 0 || !vars.TEST_POSTGRES_URL || !dir) {
    throw new Error(`scripts/start-test-postgres.sh failed (exit ${code}):\n${stderr.slice(-3000)}`);
  }

  const adminUrl = vars.TEST_POSTGRES_URL;
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;

  const postmaster = Number(readFileSync(path.join(dir, "data", "postmaster.pid"), "utf8").split("\n")[0]);
  if (!Number.isInteger(postmaster) || postmaster <= 0) throw new Error(`could not read the postmaster pid under ${dir}/data`);
  const cpu = () => {
    let total = 0;
    for (const pid of [postmaster, ...childrenOf(postmaster)]) {
      try {
        const c = readCpu(pid);
        total += c.user + c.system;
      } catch {
        // a backend that ended meanwhile
      }
    }
    return total;
  };
  return { url: url.toString(), dir, cpu, stop };
}
