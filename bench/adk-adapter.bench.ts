// ADK's own artifact workload through ADK's interface, on two services in one run: ADK's
// FileArtifactService (@google/adk 2.0.0, in-process, the baseline small-ops.bench.ts measures
// too) and StowageArtifactService (@stowage/client/adk) over HTTP against the production build
// on SQLite + filesystem. The same functions drive both: 1 KiB inlineData saves (a new version
// of one of 100 names each time), loads of the latest version, loads of version 0, listVersions,
// listArtifactKeys over a session of BENCH_ADK_KEYS names; then 20 parallel saves of one name,
// counting the distinct versions each service kept.
//
//   flock /tmp/stowage-build.lock node --import ./scripts/register-hooks.mjs bench/adk-adapter.bench.ts   # ~4 min
//
// Env: BENCH_ADK_SECONDS (3 s per measured phase), BENCH_ADK_WARMUP_MS (500), BENCH_ADK_KEYS (1000),
// BENCH_TMPDIR, BENCH_TIMEOUT_S (600), BENCH_JSON_OUT. See bench/README.md.
import { FileArtifactService, LogLevel, setLogLevel, type BaseArtifactService } from "@google/adk";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { StowageArtifactService } from "../packages/client/src/adk/index.ts";
import {
  assertBuilt,
  envInt,
  machineInfo,
  makeTempDir,
  MiB,
  percentile,
  ROOT,
  runMain,
  table,
  yieldToEventLoop,
} from "./support/common.ts";
import { newAdminKey, startStowage } from "./support/servers.ts";

const SECONDS = envInt("BENCH_ADK_SECONDS", 3);
const WARMUP_MS = envInt("BENCH_ADK_WARMUP_MS", 500, 0);
const KEYS = envInt("BENCH_ADK_KEYS", 1000);
const NAMES = 100;
const CONCURRENCIES = [1, 8] as const;
const PARALLEL_SAVES = 20;
const SCOPE = { appName: "stowage-bench", userId: "admin", sessionId: "bench" };

const nameOf = (i: number) => `item-${String(i % NAMES).padStart(4, "0")}.txt`;
const partFor = (i: number) => {
  const body = Buffer.alloc(1024, 0x2e);
  body.write(`${nameOf(i)} request ${i}\n`);
  return { inlineData: { data: body.toString("base64"), mimeType: "text/plain" } };
};

type TPhase = { opsPerSecond: number; p50: number; p99: number; cpuMs: number };
type TResult = { phases: Record<string, TPhase>; listKeysSeconds: number; parallelVersionsKept: number };

/** Runs `op` from `concurrency` loops for `ms`: ops/s, latency percentiles and this process's CPU per op. */
async function drive(concurrency: number, ms: number, op: (i: number) => Promise<void>): Promise<TPhase> {
  let next = 0;
  const latencies: number[] = [];
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const deadline = started + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        await op(next++);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  latencies.sort((a, b) => a - b);
  return {
    opsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuMs: (cpu.user + cpu.system) / 1000 / latencies.length,
  };
}

async function benchService(label: string, service: BaseArtifactService): Promise<TResult> {
  const fail = (what: string) => {
    throw new Error(`${label}: ${what}`);
  };
  const ops: Record<string, (i: number) => Promise<void>> = {
    save: async (i) => void (await service.saveArtifact({ ...SCOPE, filename: nameOf(i), artifact: partFor(i) })),
    "load latest": async (i) => {
      const part = await service.loadArtifact({ ...SCOPE, filename: nameOf(i), version: undefined });
      if (Buffer.from(part?.inlineData?.data ?? "", "base64").length !== 1024) fail(`loadArtifact(${nameOf(i)}) is not 1 KiB`);
    },
    "load version 0": async (i) => {
      const part = await service.loadArtifact({ ...SCOPE, filename: nameOf(i), version: 0 });
      if (part?.inlineData?.data !== partFor(i % NAMES).inlineData.data) fail(`version 0 of ${nameOf(i)} is not what was saved first`);
    },
    "list versions": async (i) => {
      if (!(await service.listVersions({ ...SCOPE, filename: nameOf(i) })).length) fail(`listVersions(${nameOf(i)}) is empty`);
    },
  };
  for (let i = 0; i < NAMES; i++) await ops.save!(i);
  const phases: Record<string, TPhase> = {};
  for (const [op, run] of Object.entries(ops)) {
    for (const c of CONCURRENCIES) {
      if (WARMUP_MS > 0) await drive(c, WARMUP_MS, run);
      await yieldToEventLoop();
      const p = (phases[`${op} @${c}`] = await drive(c, SECONDS * 1000, run));
      console.log(`  ${label} ${op} @${c}: ${p.opsPerSecond.toFixed(0)}/s p50 ${p.p50.toFixed(2)} ms p99 ${p.p99.toFixed(2)} ms`);
    }
  }

  // A session of KEYS names, saved 8 at a time (distinct names), then listArtifactKeys once.
  const listScope = { ...SCOPE, sessionId: "list" };
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < KEYS; i = next++) {
        await service.saveArtifact({ ...listScope, filename: `key-${String(i).padStart(5, "0")}.txt`, artifact: partFor(i) });
      }
    }),
  );
  const t0 = performance.now();
  const keys = await service.listArtifactKeys(listScope);
  const listKeysSeconds = (performance.now() - t0) / 1000;
  if (keys.length !== KEYS) fail(`listArtifactKeys returned ${keys.length} keys, expected ${KEYS}`);
  console.log(`  ${label} listArtifactKeys over ${KEYS} keys: ${listKeysSeconds.toFixed(3)} s`);

  const raceScope = { ...SCOPE, sessionId: "race" };
  await Promise.all(
    Array.from({ length: PARALLEL_SAVES }, (_, i) =>
      service.saveArtifact({ ...raceScope, filename: "race.txt", artifact: { text: `save ${i}` } }),
    ),
  );
  const parallelVersionsKept = (await service.listVersions({ ...raceScope, filename: "race.txt" })).length;
  console.log(`  ${label} ${PARALLEL_SAVES} parallel saves of one name: ${parallelVersionsKept} versions kept`);
  return { phases, listKeysSeconds, parallelVersionsKept };
}

async function main() {
  assertBuilt();
  process.chdir(ROOT);
  console.log(`adk-adapter bench: 1 KiB inlineData, ${NAMES} names, ${SECONDS} s per phase, ${KEYS} keys to list`);
  console.log(`machine: ${machineInfo()}`);

  setLogLevel(LogLevel.ERROR); // FileArtifactService warns on every first save of a name
  console.log("\nADK FileArtifactService, in-process:");
  const file = await benchService("FileArtifactService", new FileArtifactService(makeTempDir("stowage-bench-adk-file-", 256 * MiB)));

  console.log("\nStowageArtifactService over HTTP, Stowage on SQLite + filesystem:");
  const dataDir = path.join(makeTempDir("stowage-bench-adk-stowage-", 512 * MiB), "data");
  const adminKey = newAdminKey();
  const server = await startStowage(dataDir, adminKey);
  const stowage = await benchService(
    "StowageArtifactService",
    new StowageArtifactService({ url: server.baseUrl, apiKey: adminKey, namespace: "agent:admin" }),
  );
  await server.stop();

  const f0 = (v: number) => v.toFixed(0);
  const f2 = (v: number) => v.toFixed(2);
  console.log("\nADK's interface, same workload (client CPU = this process per operation; for ADK that is all of it)");
  console.log(
    table(
      [
        "operation",
        "in flight",
        "File ops/s",
        "File p50 ms",
        "Stowage ops/s",
        "Stowage p50 ms",
        "Stowage p99 ms",
        "Stowage client CPU ms",
        "vs File",
      ],
      Object.keys(file.phases).map((k) => {
        const [op, c] = k.split(" @");
        const a = file.phases[k]!;
        const s = stowage.phases[k]!;
        return [
          op!,
          c!,
          f0(a.opsPerSecond),
          f2(a.p50),
          f0(s.opsPerSecond),
          f2(s.p50),
          f2(s.p99),
          f2(s.cpuMs),
          `${(s.opsPerSecond / a.opsPerSecond).toFixed(2)}x`,
        ];
      }),
    ),
  );
  console.log(
    table(
      ["", "FileArtifactService", "StowageArtifactService"],
      [
        [`listArtifactKeys, ${KEYS} keys (s)`, file.listKeysSeconds.toFixed(3), stowage.listKeysSeconds.toFixed(3)],
        [`versions kept of ${PARALLEL_SAVES} parallel saves`, file.parallelVersionsKept, stowage.parallelVersionsKept],
      ],
    ),
  );
  if (stowage.parallelVersionsKept !== PARALLEL_SAVES)
    throw new Error(`StowageArtifactService kept ${stowage.parallelVersionsKept} of ${PARALLEL_SAVES} parallel saves`);
  if (process.env.BENCH_JSON_OUT) writeFileSync(process.env.BENCH_JSON_OUT, JSON.stringify({ file, stowage }, null, 2));
}

runMain("adk-adapter bench", main, envInt("BENCH_TIMEOUT_S", 600));
