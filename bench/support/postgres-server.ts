// A throwaway PostgreSQL cluster for a benchmark, started the way the test suite starts one
// (scripts/start-test-postgres.sh: loopback, trust auth, fsync=off) and stopped on every exit path
// (scripts/stop-test-postgres.sh), with a fresh database for the benchmark.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readCpu } from "./common.ts";
import { startTestService } from "./test-service.ts";

export type TBenchPostgres = {
  /** A fresh, empty database on the cluster. */
  url: string;
  /** The directory start-test-postgres.sh made (its TEST_POSTGRES_DIR). */
  dir: string;
  /** CPU seconds used so far by the postmaster and all its children (backends, writers). */
  cpu: () => number;
  stop: () => Promise<void>;
};

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

/** Starts the cluster (bench/support/test-service.ts: stopped on every exit path, even mid-start). */
export async function startPostgres(database = "stowage_bench"): Promise<TBenchPostgres> {
  const { vars, dir, stop } = await startTestService({
    kind: "postgres",
    prefix: "TEST_POSTGRES_",
    required: ["TEST_POSTGRES_URL"],
    dirInErrors: /(\/tmp\/stowage-pg\.[A-Za-z0-9]+)/,
  });
  const adminUrl = vars.TEST_POSTGRES_URL!;
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
  // A backend that ends between two readings takes its CPU out of the live children's sum and
  // into the postmaster's `children` total, so both are counted: the sum only grows.
  const cpu = () => {
    let total = readCpu(postmaster).children;
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
