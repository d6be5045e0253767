// Upload/download throughput and upload memory of Stowage against a minimal Node HTTP server.
//
//   flock /tmp/stowage-build.lock node --import ./scripts/register-hooks.mjs bench/upload-download.bench.ts
//
// Env: BENCH_SIZE_MB (1024) bytes per transfer, BENCH_ROUNDS (3), BENCH_MEM_SIZE_MB (2048; 0 skips
// the memory run), BENCH_TMPDIR (os.tmpdir()), BENCH_TIMEOUT_S (900), BENCH_STRICT=1 (exit 3 when a
// goal is missed), BENCH_JSON_OUT (write the results as JSON to this file). See bench/README.md.
import { execFileSync } from "node:child_process";
import { createHash, randomFillSync } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import {
  assertBuilt,
  envInt,
  machineInfo,
  makeTempDir,
  median,
  MiB,
  runMain,
  sampleRss,
  sleep,
  summarize,
  table,
} from "./support/common.ts";
import { download, mbPerSecond, uploadFile, type TTransfer } from "./support/http-client.ts";
import { newAdminKey, startBaseline, startStowage, type TBenchServer } from "./support/servers.ts";

const GOALS = { uploadRatio: 0.8, downloadRatio: 0.9, uploadRssGrowthMB: 64 };
const NAMESPACE = "agent:admin";

type TSide = "baseline" | "stowage";

/** Random bytes (incompressible, so nothing on the way can cheat), hashed as they are written. */
function writeSourceFile(file: string, totalBytes: number, prefixBytes: number): { prefixSha: string; fullSha: string } {
  const fd = openSync(file, "w");
  const chunk = Buffer.allocUnsafe(MiB);
  const full = createHash("sha256");
  const prefix = createHash("sha256");
  try {
    for (let written = 0; written < totalBytes; written += MiB) {
      const n = Math.min(MiB, totalBytes - written);
      randomFillSync(chunk, 0, n);
      const part = chunk.subarray(0, n);
      full.update(part);
      if (written < prefixBytes) prefix.update(part.subarray(0, Math.min(n, prefixBytes - written)));
      writeSync(fd, part);
    }
    // Flushed now, so its writeback does not compete with the measured transfers.
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { prefixSha: prefix.digest("hex"), fullSha: full.digest("hex") };
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

function baselineUploadResult(t: TTransfer, size: number): void {
  check(t.status === 201, `baseline upload answered ${t.status}: ${t.body.slice(0, 500)}`);
  check((JSON.parse(t.body) as { size: number }).size === size, `baseline stored the wrong number of bytes: ${t.body}`);
}

function downloadResult(t: TTransfer, side: TSide, size: number): void {
  check(t.status === 200, `${side} download answered ${t.status}: ${t.body.slice(0, 500)}`);
  check(t.bytes === size, `${side} download returned ${t.bytes} bytes, expected ${size}`);
}

async function main() {
  assertBuilt();
  const sizeMB = envInt("BENCH_SIZE_MB", 1024);
  const rounds = envInt("BENCH_ROUNDS", 3);
  const memMB = envInt("BENCH_MEM_SIZE_MB", 2048, 0);
  const size = sizeMB * MiB;
  const memSize = memMB * MiB;
  const sourceSize = Math.max(size, memSize);
  // Source file, the baseline's copy, every Stowage version (rounds + warm-up + memory run).
  const needed = 2 * sourceSize + (rounds + 1) * size + 2 * memSize;
  const tmp = makeTempDir("stowage-bench-io-", needed);
  const source = path.join(tmp, "source.bin");
  const adminKey = newAdminKey();
  const auth = { Authorization: `Bearer ${adminKey}` };
  const maxUploadMB = String(Math.max(4096, 2 * Math.max(sizeMB, memMB)));

  console.log(`upload-download bench: ${rounds} rounds of ${sizeMB} MiB, memory run ${memMB} MiB, in ${tmp}`);
  console.log(`machine: ${machineInfo()}`);
  let t0 = Date.now();
  const { prefixSha, fullSha } = writeSourceFile(source, sourceSize, size);
  console.log(`generated ${sourceSize / MiB} MiB of random source data in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // ---- throughput ------------------------------------------------------------------------
  const baselineDir = path.join(tmp, "baseline");
  mkdirSync(baselineDir);
  const baseline = await startBaseline(baselineDir);
  const stowage = await startStowage(path.join(tmp, "stowage"), adminKey, { ARTIFACT_MAX_SIZE_MB: maxUploadMB });
  const stowageUploadUrl = `${stowage.baseUrl}/api/v1/artifacts?namespace=${encodeURIComponent(NAMESPACE)}&name=big.bin`;
  const baselineUrl = `${baseline.baseUrl}/files/big.bin`;

  const upload = async (side: TSide, bytes: number, sha: string): Promise<{ seconds: number; id?: string }> => {
    syncDisks();
    if (side === "baseline") {
      const t = await uploadFile(baselineUrl, source, bytes, {}, "PUT");
      baselineUploadResult(t, bytes);
      return { seconds: t.seconds };
    }
    const t = await uploadFile(stowageUploadUrl, source, bytes, auth);
    return { seconds: t.seconds, id: stowageUploadResult(t, bytes, sha) };
  };
  const uploadBaselineFsync = async (bytes: number) => {
    syncDisks();
    const t = await uploadFile(`${baselineUrl}?fsync=1`, source, bytes, {}, "PUT");
    baselineUploadResult(t, bytes);
    return t.seconds;
  };
  const fetchBytes = async (side: TSide, id: string | undefined, bytes: number, hash = false) => {
    const t = side === "baseline" ? await download(baselineUrl, {}, { hash }) : await download(`${stowage.baseUrl}/api/v1/artifacts/${id}/content`, auth, { hash });
    downloadResult(t, side, bytes);
    return t;
  };

  // Warm-up (not measured): JIT, Prisma, first-use namespace creation, page cache.
  const warm = Math.min(size, 64 * MiB);
  const warmSha = createHash("sha256");
  // The warm-up sends a prefix of the source; its hash is needed for Stowage's check.
  {
    const { createReadStream } = await import("node:fs");
    for await (const c of createReadStream(source, { start: 0, end: warm - 1 })) warmSha.update(c as Buffer);
  }
  const warmHex = warmSha.digest("hex");
  await upload("baseline", warm, warmHex);
  const warmId = (await upload("stowage", warm, warmHex)).id;
  await fetchBytes("baseline", undefined, warm);
  await fetchBytes("stowage", warmId, warm);

  const results: Record<"baselineUp" | "stowageUp" | "baselineFsyncUp" | "baselineDown" | "stowageDown", number[]> = {
    baselineUp: [],
    stowageUp: [],
    baselineFsyncUp: [],
    baselineDown: [],
    stowageDown: [],
  };
  let stowageId: string | undefined;
  t0 = Date.now();
  for (let round = 0; round < rounds; round++) {
    const order: TSide[] = round % 2 === 0 ? ["baseline", "stowage"] : ["stowage", "baseline"];
    for (const side of order) {
      const r = await upload(side, size, prefixSha);
      results[side === "baseline" ? "baselineUp" : "stowageUp"].push(mbPerSecond(size, r.seconds));
      if (r.id) stowageId = r.id;
    }
    results.baselineFsyncUp.push(mbPerSecond(size, await uploadBaselineFsync(size)));
    syncDisks();
    for (const side of order) {
      const t = await fetchBytes(side, stowageId, size);
      results[side === "baseline" ? "baselineDown" : "stowageDown"].push(mbPerSecond(size, t.seconds));
    }
    const last = (k: keyof typeof results) => results[k][round]!.toFixed(0);
    console.log(
      `round ${round + 1}/${rounds} (${order.join(" first, ")} second): upload baseline ${last("baselineUp")} / Stowage ${last("stowageUp")} / baseline+fsync ${last("baselineFsyncUp")} MB/s; download baseline ${last("baselineDown")} / Stowage ${last("stowageDown")} MB/s`,
    );
  }
  console.log(`throughput rounds took ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // Untimed end-to-end check: what Stowage serves is exactly what was sent.
  const verify = await fetchBytes("stowage", stowageId, size, true);
  check(verify.sha256 === prefixSha, `Stowage served different bytes (sha256 ${verify.sha256}, expected ${prefixSha})`);
  await stowage.stop();
  await baseline.stop();

  // ---- memory --------------------------------------------------------------------------
  let memory: { uploadIdleMB: number; uploadPeakMB: number; uploadGrowthMB: number; uploadMBps: number; downloadGrowthMB: number; baselineGrowthMB: number } | undefined;
  if (memSize > 0) {
    const idleSamples = async (pid: number) => {
      const s = sampleRss(pid, 100);
      await sleep(1000);
      return s.stop();
    };
    const measureRss = async (server: TBenchServer, run: () => Promise<TTransfer>) => {
      await sleep(500);
      const idle = median(await idleSamples(server.pid));
      const sampler = sampleRss(server.pid, 100);
      const t = await run();
      await sleep(300);
      const samples = sampler.stop();
      const peak = Math.max(...samples);
      return { t, idle, peak, growth: peak - idle, samples: samples.length };
    };

    const memStowage = await startStowage(path.join(tmp, "stowage-mem"), adminKey, { ARTIFACT_MAX_SIZE_MB: maxUploadMB });
    const memUrl = `${memStowage.baseUrl}/api/v1/artifacts?namespace=${encodeURIComponent(NAMESPACE)}&name=mem.bin`;
    // Warm-up so idle RSS includes what any first request loads (Prisma, routes, the namespace).
    const w = await uploadFile(memUrl, source, warm, auth);
    const wId = stowageUploadResult(w, warm, warmHex);
    downloadResult(await download(`${memStowage.baseUrl}/api/v1/artifacts/${wId}/content`, auth), "stowage", warm);
    syncDisks();
    const up = await measureRss(memStowage, () => uploadFile(memUrl, source, memSize, auth));
    const memId = stowageUploadResult(up.t, memSize, fullSha);
    syncDisks();
    const down = await measureRss(memStowage, () => download(`${memStowage.baseUrl}/api/v1/artifacts/${memId}/content`, auth));
    downloadResult(down.t, "stowage", memSize);
    await memStowage.stop();

    const memBaselineDir = path.join(tmp, "baseline-mem");
    mkdirSync(memBaselineDir);
    const memBaseline = await startBaseline(memBaselineDir);
    await uploadFile(`${memBaseline.baseUrl}/files/warm.bin`, source, warm, {}, "PUT");
    syncDisks();
    const base = await measureRss(memBaseline, () => uploadFile(`${memBaseline.baseUrl}/files/mem.bin`, source, memSize, {}, "PUT"));
    baselineUploadResult(base.t, memSize);
    await memBaseline.stop();

    const mb = (b: number) => b / MiB;
    memory = {
      uploadIdleMB: mb(up.idle),
      uploadPeakMB: mb(up.peak),
      uploadGrowthMB: mb(up.growth),
      uploadMBps: mbPerSecond(memSize, up.t.seconds),
      downloadGrowthMB: mb(down.growth),
      baselineGrowthMB: mb(base.growth),
    };
    console.log(
      `memory: ${memMB} MiB upload: idle RSS ${memory.uploadIdleMB.toFixed(1)} MiB, peak ${memory.uploadPeakMB.toFixed(1)} MiB (+${memory.uploadGrowthMB.toFixed(1)} MiB, ${up.samples} samples); download +${memory.downloadGrowthMB.toFixed(1)} MiB; baseline upload +${memory.baselineGrowthMB.toFixed(1)} MiB`,
    );
  }

  // ---- report --------------------------------------------------------------------------
  const s = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, summarize(v)])) as Record<keyof typeof results, ReturnType<typeof summarize>>;
  const uploadRatio = s.stowageUp.p50 / s.baselineUp.p50;
  const downloadRatio = s.stowageDown.p50 / s.baselineDown.p50;
  const fmt = (v: number) => v.toFixed(0);
  const verdict = (ok: boolean) => (ok ? "ok" : "MISSED");
  const rows: (string | number)[][] = [
    ["upload: baseline (pipe to file)", fmt(s.baselineUp.p50), fmt(s.baselineUp.min), fmt(s.baselineUp.max), "", ""],
    ["upload: Stowage", fmt(s.stowageUp.p50), fmt(s.stowageUp.min), fmt(s.stowageUp.max), `${uploadRatio.toFixed(2)}x`, `>= ${GOALS.uploadRatio}x ${verdict(uploadRatio >= GOALS.uploadRatio)}`],
    ["upload: baseline + fsync (info)", fmt(s.baselineFsyncUp.p50), fmt(s.baselineFsyncUp.min), fmt(s.baselineFsyncUp.max), `${(s.stowageUp.p50 / s.baselineFsyncUp.p50).toFixed(2)}x`, ""],
    ["download: baseline (createReadStream)", fmt(s.baselineDown.p50), fmt(s.baselineDown.min), fmt(s.baselineDown.max), "", ""],
    ["download: Stowage", fmt(s.stowageDown.p50), fmt(s.stowageDown.min), fmt(s.stowageDown.max), `${downloadRatio.toFixed(2)}x`, `>= ${GOALS.downloadRatio}x ${verdict(downloadRatio >= GOALS.downloadRatio)}`],
  ];
  console.log(`\nThroughput, ${rounds} alternating rounds of ${sizeMB} MiB (MB/s = 10^6 bytes/s; ratio = Stowage median / baseline median)`);
  console.log(table(["transfer", "median MB/s", "min", "max", "ratio", "goal"], rows));
  const memOk = memory ? memory.uploadGrowthMB <= GOALS.uploadRssGrowthMB : true;
  if (memory) {
    console.log(`\nMemory, one ${memMB} MiB upload, server RSS sampled every 100 ms`);
    console.log(
      table(
        ["measure", "MiB", "goal"],
        [
          ["Stowage idle RSS", memory.uploadIdleMB.toFixed(1), ""],
          ["Stowage peak RSS during upload", memory.uploadPeakMB.toFixed(1), ""],
          ["Stowage peak growth (upload)", memory.uploadGrowthMB.toFixed(1), `<= ${GOALS.uploadRssGrowthMB} ${verdict(memOk)}`],
          ["Stowage peak growth (download, info)", memory.downloadGrowthMB.toFixed(1), ""],
          ["baseline peak growth (upload, info)", memory.baselineGrowthMB.toFixed(1), ""],
        ],
      ),
    );
  }
  const allOk = uploadRatio >= GOALS.uploadRatio && downloadRatio >= GOALS.downloadRatio && memOk;
  console.log(`\ngoals: ${allOk ? "all met" : "NOT all met"}`);
  if (process.env.BENCH_JSON_OUT) {
    writeFileSync(process.env.BENCH_JSON_OUT, JSON.stringify({ bench: "upload-download", sizeMB, rounds, memMB, results, summary: s, uploadRatio, downloadRatio, memory, goals: GOALS, allOk }, null, 2));
  }
  if (!allOk && process.env.BENCH_STRICT === "1") process.exitCode = 3;
}

runMain("upload-download bench", main, envInt("BENCH_TIMEOUT_S", 900));
