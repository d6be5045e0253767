// A throwaway S3 server for a benchmark: Ceph's RADOS Gateway on loopback, started with
// scripts/start-test-s3.sh (objects in RAM, 4 GiB cap) and stopped on every exit path.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { TTestS3 } from "../../test/support/test-s3.ts";
import { startTestService } from "./test-service.ts";

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

/** Starts the RGW (bench/support/test-service.ts: stopped on every exit path, even mid-start). */
export async function startS3(): Promise<TBenchS3> {
  const { vars, dir, stop } = await startTestService({
    kind: "s3",
    prefix: "TEST_S3_",
    required: ["TEST_S3_ENDPOINT"],
    dirInErrors: /(\/tmp\/stowage-s3\.[A-Za-z0-9]+)\/rgw/,
  });
  const conf = path.join(dir, "rgw", "ceph.conf");
  const pidOf = (daemon: string) => {
    const file = path.join(dir, "rgw", "run", `${daemon}.pid`);
    return existsSync(file) ? Number(readFileSync(file, "utf8").trim()) : NaN;
  };
  const pids = [pidOf("client.rgw"), pidOf("osd.0")].filter((p) => Number.isInteger(p) && p > 0);
  if (pids.length !== 2) throw new Error(`could not read the radosgw/ceph-osd pids under ${dir}/rgw/run`);
  return {
    endpoint: vars.TEST_S3_ENDPOINT!,
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
