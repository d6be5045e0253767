// Upload/download throughput and upload memory of Stowage against a minimal Node HTTP server. The
// upload goal is set against that server doing what a durable, integrity-checked store must do
// (hash every byte while writing it, fsync before answering); the plain pipe is shown for information.
//
//   flock /tmp/stowage-build.lock node --import ./scripts/register-hooks.mjs bench/upload-download.bench.ts
//
// Env: BENCH_SIZE_MB (1024) MiB per transfer, BENCH_ROUNDS (3), BENCH_MEM_SIZE_MB (2048; 0 skips
// the memory run), BENCH_TMPDIR (os.tmpdir()), BENCH_TIMEOUT_S (900), BENCH_STRICT=1 (exit 3 when a
// goal is missed), BENCH_JSON_OUT (write the results as JSON to this file), BENCH_SERVER_NODE_OPTIONS
// (extra node/V8 flags for the Stowage server only), BENCH_SERVER_LOG=1. See bench/README.md.
import { execFileSync } from "node:child_process";
import { createHash, randomFillSync } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  assertBuilt,
  envInt,
  machineInfo,
  makeTempDir,
  median,
  MiB,
  readCpu,
  runMain,
  sampleRss,
  sleep,
  summarize,
  table,
} from "./support/common.ts";
import { download, mbPerSecond, simpleRequest, uploadFile, type TTransfer } from "./support/http-client.ts";
import { newAdminKey, startBaseline, startStowage, type TBenchServer, type TGcTotals } from "./support/servers.ts";

const GOALS = { uploadRatio: 0.9, downloadRatio: 0.95, uploadRssGrowthMB: 64 };
const NAMESPACE = "agent:admin";

type TSide = "baseline" | "stowage";
type TMeasure = "baselineUp" | "stowageUp" | "baselineFsyncUp" | "baselineDurableUp" | "baselineDown" | "stowageDown";
/** The baseline's upload variants: plain pipe, + fsync, + sha256 + fsync (the upload goal's reference). */
const BASELINE_QUERY = { baselineUp: "", baselineFsyncUp: "?fsync=1", baselineDurableUp: "?sha256=1&fsync=1" } as const;
/** One measured transfer: throughput, and the server's CPU seconds per GiB moved. */
type TSample = { mbps: number; userPerGiB: number; systemPerGiB: number; majorGcPerGiB: number };

/** Random bytes (incompressible, so nothing on the way can cheat), hashed as they are written. */
function writeSourceFile(file: string, totalBytes: number, prefixSizes: number[]): Map<number, string> {
  const fd = openSync(file, "w");
  const chunk = Buffer.allocUnsafe(MiB);
  const hashes = prefixSizes.map((size) => ({ size, hash: createHash("sha256") }));
  try {
    for (let written = 0; written < totalBytes; written += MiB) {
      const n = Math.min(MiB, totalBytes - written);
      randomFillSync(chunk, 0, n);
      const part = chunk.subarray(0, n);
      for (const h of hashes) if (written < h.size) h.hash.update(part.subarray(0, Math.min(n, h.size - written)));
      writeSync(fd, part);
    }
    // Flushed now, so its writeback does not compete with the measured transfers.
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return new Map(hashes.map((h) => [h.size, h.hash.digest("hex")]));
}

/** Flushes dirty pages between transfers: each one starts from the same clean state. */
const syncDisks = () => execFileSync("sync");

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function stowageUploadResult(t: TTransfer, size: number, sha256: string): string {
  check(t.status === 201 || t.status === 200, `Stowage upload answered ${t.status}: ${t.body.slice(0, 500)}`);
  const body = JSON.parse(t.body) as { artifact: { id: string }; version: { sizeBytes: number; sha256: string } };
  check(body.version.sizeBytes === size, `Stowage stored ${body.version.sizeBytes} bytes, sent ${size}`);
  check(body.version.sha256 === sha256, `Stowage computed sha256 ${body.version.sha256}, expected ${sha256}`);
  return body.artifact.id;
}

function baselineUploadResult(t: TTransfer, size: number, sha256?: string): void {
  check(t.status === 201, `baseline upload answered ${t.status}: ${t.body.slice(0, 500)}`);
  const body = JSON.parse(t.body) as { size: number; sha256?: string };
  check(body.size === size, `baseline stored the wrong number of bytes: ${t.body}`);
  check(body.sha256 === sha256, `baseline computed sha256 ${body.sha256}, expected ${sha256}`);
}

function downloadResult(t: TTransfer, side: TSide, size: number): void {
  check(t.status === 200, `${side} download answered ${t.status}: ${t.body.slice(0, 500)}`);
  check(t.bytes === size, `${side} download returned ${t.bytes} bytes, expected ${size}`);
}

/** Runs one transfer and charges the server's CPU time (and, for Stowage, its major GCs) to it. */
async function timed(
  server: TBenchServer & { gc?: () => TGcTotals },
  bytes: number,
  run: () => Promise<TTransfer>,
): Promise<{ t: TTransfer; sample: TSample }> {
  const gcBefore = server.gc?.().major.n;
  const before = readCpu(server.pid);
  const t = await run();
  const after = readCpu(server.pid);
  const gib = bytes / 2 ** 30;
  let majorGcPerGiB = NaN;
  if (server.gc && gcBefore !== undefined) {
    await sleep(120); // the probe writes its totals every 50 ms
    majorGcPerGiB = (server.gc().major.n - gcBefore) / gib;
  }
  return {
    t,
    sample: {
      mbps: mbPerSecond(bytes, t.seconds),
      userPerGiB: (after.user - before.user) / gib,
      systemPerGiB: (after.system - before.system) / gib,
      majorGcPerGiB,
    },
  };
}

async function main() {
  assertBuilt();
  const sizeMB = envInt("BENCH_SIZE_MB", 1024);
  const rounds = envInt("BENCH_ROUNDS", 3);
  const memMB = envInt("BENCH_MEM_SIZE_MB", 2048, 0);
  const size = sizeMB * MiB;
  const memSize = memMB * MiB;
  const warm = Math.min(size, 64 * MiB);
  const sourceSize = Math.max(size, memSize);
  // Source file, plus at most one stored copy per server at a time (each round deletes its copies).
  const needed = sourceSize + 3 * Math.max(size, memSize);
  const tmp = makeTempDir("stowage-bench-io-", needed);
  const source = path.join(tmp, "source.bin");
  const adminKey = newAdminKey();
  const auth = { Authorization: `Bearer ${adminKey}` };
  const maxUploadMB = String(Math.max(4096, 2 * Math.max(sizeMB, memMB)));

  console.log(`upload-download bench: ${rounds} rounds of ${sizeMB} MiB, memory run ${memMB} MiB, in ${tmp}`);
  console.log(
    `machine: ${machineInfo()}; load average at start ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  let t0 = Date.now();
  const sha = writeSourceFile(source, sourceSize, [warm, size, memSize]);
  console.log(`generated ${sourceSize / MiB} MiB of random source data in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // ---- throughput ------------------------------------------------------------------------
  const baselineDir = path.join(tmp, "baseline");
  mkdirSync(baselineDir);
  const baseline = await startBaseline(baselineDir);
  const stowage = await startStowage(path.join(tmp, "stowage"), adminKey, { ARTIFACT_MAX_SIZE_MB: maxUploadMB });
  const stowageUploadUrl = `${stowage.baseUrl}/api/v1/artifacts?namespace=${encodeURIComponent(NAMESPACE)}&name=big.bin`;
  const baselineUrl = `${baseline.baseUrl}/files/big.bin`;
  const contentUrl = (id: string) => `${stowage.baseUrl}/api/v1/artifacts/${id}/content`;

  // What each server stores is deleted right before its next upload (outside the timing), so every
  // upload writes into just-freed page cache. On this VM, memory freed a few seconds earlier is
  // handed back to the host and costs 2-4x more system time to fault in again (see bench/README.md).
  let stowageId: string | undefined;
  const removeStored = async (side: TSide) => {
    if (side === "baseline") {
      const b = await simpleRequest("DELETE", baselineUrl);
      check(b.status === 204, `baseline DELETE answered ${b.status}`);
    } else if (stowageId) {
      const s = await simpleRequest("DELETE", `${stowage.baseUrl}/api/v1/artifacts/${stowageId}`, auth);
      check(s.status === 204, `Stowage DELETE answered ${s.status}: ${s.body.slice(0, 300)}`);
      stowageId = undefined;
    }
    syncDisks();
  };
  const upload = async (side: TSide, bytes: number, query = "") => {
    await removeStored(side);
    if (side === "baseline") {
      const r = await timed(baseline, bytes, () => uploadFile(`${baselineUrl}${query}`, source, bytes, {}, "PUT"));
      baselineUploadResult(r.t, bytes, query.includes("sha256=1") ? sha.get(bytes) : undefined);
      return r.sample;
    }
    const r = await timed(stowage, bytes, () => uploadFile(stowageUploadUrl, source, bytes, auth));
    stowageId = stowageUploadResult(r.t, bytes, sha.get(bytes)!);
    return r.sample;
  };
  const fetchBytes = async (side: TSide, bytes: number) => {
    const r =
      side === "baseline"
        ? await timed(baseline, bytes, () => download(baselineUrl))
        : await timed(stowage, bytes, () => download(contentUrl(stowageId!), auth));
    downloadResult(r.t, side, bytes);
    return r.sample;
  };

  // Warm-up at full size (not measured): JIT, Prisma, first-use namespace creation, and one
  // stored copy per server whose pages the first measured round reuses.
  for (const side of ["baseline", "stowage"] as const) {
    await upload(side, size, side === "baseline" ? BASELINE_QUERY.baselineDurableUp : "");
    await fetchBytes(side, size);
  }

  const results: Record<TMeasure, TSample[]> = {
    baselineUp: [],
    stowageUp: [],
    baselineFsyncUp: [],
    baselineDurableUp: [],
    baselineDown: [],
    stowageDown: [],
  };
  t0 = Date.now();
  for (let round = 0; round < rounds; round++) {
    const order: TSide[] = round % 2 === 0 ? ["baseline", "stowage"] : ["stowage", "baseline"];
    // Uploads: the goal pair (baseline + sha256 + fsync, Stowage) back to back in alternating
    // order, then the informative variants (plain pipe; + fsync), also alternating.
    const uploads: TMeasure[] = [
      ...order.map((side): TMeasure => (side === "baseline" ? "baselineDurableUp" : "stowageUp")),
      ...(round % 2 === 0 ? (["baselineUp", "baselineFsyncUp"] as const) : (["baselineFsyncUp", "baselineUp"] as const)),
    ];
    for (const k of uploads) {
      const sample =
        k === "stowageUp"
          ? await upload("stowage", size)
          : await upload("baseline", size, BASELINE_QUERY[k as keyof typeof BASELINE_QUERY]);
      results[k].push(sample);
    }
    for (const side of order) results[side === "baseline" ? "baselineDown" : "stowageDown"].push(await fetchBytes(side, size));
    const last = (k: TMeasure) => results[k][round]!.mbps.toFixed(0);
    console.log(
      `round ${round + 1}/${rounds} (${order[0]} first): upload baseline+sha256+fsync ${last("baselineDurableUp")} / Stowage ${last("stowageUp")} / baseline ${last("baselineUp")} / baseline+fsync ${last("baselineFsyncUp")} MB/s; download baseline ${last("baselineDown")} / Stowage ${last("stowageDown")} MB/s`,
    );
  }
  // Untimed end-to-end check: what Stowage serves is exactly what was sent.
  const verify = await download(contentUrl(stowageId!), auth, { hash: true });
  downloadResult(verify, "stowage", size);
  check(verify.sha256 === sha.get(size), `Stowage served different bytes (sha256 ${verify.sha256}, expected ${sha.get(size)})`);
  await removeStored("baseline");
  await removeStored("stowage");
  console.log(`throughput rounds took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await stowage.stop();
  await baseline.stop();

  // ---- memory --------------------------------------------------------------------------
  type TRss = { idle: number; peak: number; growth: number; samples: number; mbps: number };
  let memory: { upload: TRss; download: TRss; baselineUpload: TRss } | undefined;
  if (memSize > 0) {
    // Idle = median RSS over a quiet second after a warm-up; peak = highest 100 ms sample during the transfer.
    const measureRss = async (server: TBenchServer, bytes: number, run: () => Promise<TTransfer>) => {
      await sleep(500);
      const idleSampler = sampleRss(server.pid, 100);
      await sleep(1000);
      const idle = median(idleSampler.stop());
      const sampler = sampleRss(server.pid, 100);
      const t = await run();
      await sleep(300);
      const samples = sampler.stop();
      const peak = Math.max(...samples);
      return {
        t,
        rss: {
          idle: idle / MiB,
          peak: peak / MiB,
          growth: (peak - idle) / MiB,
          samples: samples.length,
          mbps: mbPerSecond(bytes, t.seconds),
        },
      };
    };

    const memStowage = await startStowage(path.join(tmp, "stowage-mem"), adminKey, { ARTIFACT_MAX_SIZE_MB: maxUploadMB });
    const memUrl = `${memStowage.baseUrl}/api/v1/artifacts?namespace=${encodeURIComponent(NAMESPACE)}&name=mem.bin`;
    // Warm-up so idle RSS includes what any first request loads (Prisma, the routes, the namespace).
    const wId = stowageUploadResult(await uploadFile(memUrl, source, warm, auth), warm, sha.get(warm)!);
    downloadResult(await download(`${memStowage.baseUrl}/api/v1/artifacts/${wId}/content`, auth), "stowage", warm);
    syncDisks();
    const up = await measureRss(memStowage, memSize, () => uploadFile(memUrl, source, memSize, auth));
    const memId = stowageUploadResult(up.t, memSize, sha.get(memSize)!);
    syncDisks();
    const down = await measureRss(memStowage, memSize, () => download(`${memStowage.baseUrl}/api/v1/artifacts/${memId}/content`, auth));
    downloadResult(down.t, "stowage", memSize);
    await memStowage.stop();

    const memBaselineDir = path.join(tmp, "baseline-mem");
    mkdirSync(memBaselineDir);
    const memBaseline = await startBaseline(memBaselineDir);
    baselineUploadResult(await uploadFile(`${memBaseline.baseUrl}/files/warm.bin`, source, warm, {}, "PUT"), warm);
    syncDisks();
    const base = await measureRss(memBaseline, memSize, () =>
      uploadFile(`${memBaseline.baseUrl}/files/mem.bin${BASELINE_QUERY.baselineDurableUp}`, source, memSize, {}, "PUT"),
    );
    baselineUploadResult(base.t, memSize, sha.get(memSize));
    await memBaseline.stop();

    memory = { upload: up.rss, download: down.rss, baselineUpload: base.rss };
    console.log(
      `memory: ${memMB} MiB upload at ${up.rss.mbps.toFixed(0)} MB/s: idle RSS ${up.rss.idle.toFixed(1)} MiB, peak ${up.rss.peak.toFixed(1)} MiB (+${up.rss.growth.toFixed(1)} MiB, ${up.rss.samples} samples)`,
    );
  }

  // ---- report --------------------------------------------------------------------------
  const stat = (k: TMeasure) => ({
    mbps: summarize(results[k].map((r) => r.mbps)),
    user: median(results[k].map((r) => r.userPerGiB)),
    system: median(results[k].map((r) => r.systemPerGiB)),
    majorGc: median(results[k].map((r) => r.majorGcPerGiB)),
  });
  const s = {
    baselineUp: stat("baselineUp"),
    stowageUp: stat("stowageUp"),
    baselineFsyncUp: stat("baselineFsyncUp"),
    baselineDurableUp: stat("baselineDurableUp"),
    baselineDown: stat("baselineDown"),
    stowageDown: stat("stowageDown"),
  };
  const uploadRatio = s.stowageUp.mbps.p50 / s.baselineDurableUp.mbps.p50;
  const ratioTo = (m: ReturnType<typeof stat>) => `${(s.stowageUp.mbps.p50 / m.mbps.p50).toFixed(2)}x`;
  const downloadRatio = s.stowageDown.mbps.p50 / s.baselineDown.mbps.p50;
  const verdict = (ok: boolean) => (ok ? "ok" : "MISSED");
  const row = (label: string, m: ReturnType<typeof stat>, ratio = "", goal = "") => [
    label,
    m.mbps.p50.toFixed(0),
    m.mbps.min.toFixed(0),
    m.mbps.max.toFixed(0),
    m.user.toFixed(2),
    m.system.toFixed(2),
    Number.isNaN(m.majorGc) ? "" : m.majorGc.toFixed(0),
    ratio,
    goal,
  ];
  console.log(
    `\nThroughput, ${rounds} alternating rounds of ${sizeMB} MiB (MB/s = 10^6 bytes/s; ratio = Stowage median / that baseline's median, on the baseline rows for uploads; CPU = server process, s per GiB; major GCs = Stowage server mark-compacts per GiB)`,
  );
  console.log(
    table(
      ["transfer", "median MB/s", "min", "max", "CPU user", "CPU sys", "major GCs", "ratio", "goal"],
      [
        row(
          "upload: baseline + sha256 + fsync",
          s.baselineDurableUp,
          ratioTo(s.baselineDurableUp),
          `>= ${GOALS.uploadRatio}x ${verdict(uploadRatio >= GOALS.uploadRatio)}`,
        ),
        row("upload: Stowage", s.stowageUp),
        row("upload: baseline (pipe to file, info)", s.baselineUp, ratioTo(s.baselineUp)),
        row("upload: baseline + fsync (info)", s.baselineFsyncUp, ratioTo(s.baselineFsyncUp)),
        row("download: baseline (createReadStream)", s.baselineDown),
        row(
          "download: Stowage",
          s.stowageDown,
          `${downloadRatio.toFixed(2)}x`,
          `>= ${GOALS.downloadRatio}x ${verdict(downloadRatio >= GOALS.downloadRatio)}`,
        ),
      ],
    ),
  );
  const memOk = memory ? memory.upload.growth <= GOALS.uploadRssGrowthMB : true;
  if (memory) {
    const m = memory;
    console.log(`\nMemory, one ${memMB} MiB transfer, server RSS (VmRSS) sampled every 100 ms`);
    console.log(
      table(
        ["transfer", "MB/s", "idle RSS MiB", "peak RSS MiB", "peak growth MiB", "goal"],
        [
          [
            "Stowage upload",
            m.upload.mbps.toFixed(0),
            m.upload.idle.toFixed(1),
            m.upload.peak.toFixed(1),
            m.upload.growth.toFixed(1),
            `<= ${GOALS.uploadRssGrowthMB} ${verdict(memOk)}`,
          ],
          [
            "Stowage download (info)",
            m.download.mbps.toFixed(0),
            m.download.idle.toFixed(1),
            m.download.peak.toFixed(1),
            m.download.growth.toFixed(1),
            "",
          ],
          [
            "baseline + sha256 + fsync upload (info)",
            m.baselineUpload.mbps.toFixed(0),
            m.baselineUpload.idle.toFixed(1),
            m.baselineUpload.peak.toFixed(1),
            m.baselineUpload.growth.toFixed(1),
            "",
          ],
        ],
      ),
    );
  }
  const allOk = uploadRatio >= GOALS.uploadRatio && downloadRatio >= GOALS.downloadRatio && memOk;
  console.log(
    `\nload average at end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} (other work on the machine skews throughput)`,
  );
  console.log(`goals: ${allOk ? "all met" : "NOT all met"}`);
  if (process.env.BENCH_JSON_OUT) {
    writeFileSync(
      process.env.BENCH_JSON_OUT,
      JSON.stringify(
        {
          bench: "upload-download",
          sizeMB,
          rounds,
          memMB,
          results,
          summary: s,
          uploadRatio,
          uploadRatioVsPlain: s.stowageUp.mbps.p50 / s.baselineUp.mbps.p50,
          downloadRatio,
          memory,
          goals: GOALS,
          allOk,
        },
        null,
        2,
      ),
    );
  }
  if (!allOk && process.env.BENCH_STRICT === "1") process.exitCode = 3;
}

runMain("upload-download bench", main, envInt("BENCH_TIMEOUT_S", 900));
