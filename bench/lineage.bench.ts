// Lineage on the hot path: what naming a run, a tool, a model and inputs costs a publish, and
// what recording a run's reads costs a download and a text read, each against the same operation
// without lineage, in one run against one server (the production build on SQLite + filesystem).
// Every case at 1 and 8 requests in flight (one keep-alive agent of 8 sockets): ops/s, p50/p99,
// SQL statements per request (stowage_db_queries_total from /metrics), server CPU per request.
//
//   flock /tmp/stowage-build.lock node --import ./scripts/register-hooks.mjs bench/lineage.bench.ts   # ~4 min
//
// Env: BENCH_LINEAGE_SECONDS (2 s per measured run), BENCH_LINEAGE_WARMUP_MS (500, before each case),
// BENCH_RUNS (5 runs of each case, the cases of a group taking turns; the median by ops/s is reported), BENCH_TMPDIR,
// BENCH_TIMEOUT_S (600), BENCH_JSON_OUT. See bench/README.md.
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import {
  assertBuilt,
  envInt,
  machineInfo,
  makeTempDir,
  MiB,
  percentile,
  readCpu,
  ROOT,
  runMain,
  table,
  yieldToEventLoop,
} from "./support/common.ts";
import { newAdminKey, startStowage } from "./support/servers.ts";

const NAMESPACE = "agent:admin";
const BODY_BYTES = 1024;
const BODY_LINES = 16;
const NAMES = 100;
const INPUTS = 10;
const CONCURRENCIES = [1, 8] as const;
const SECONDS = envInt("BENCH_LINEAGE_SECONDS", 2);
const WARMUP_MS = envInt("BENCH_LINEAGE_WARMUP_MS", 500, 0);
const RUNS = envInt("BENCH_RUNS", 5);
const PRODUCER = { runId: "bench-producer", tool: "bench-tool", model: "bench-model" };
const REPEAT_RUN = "bench-reader";

/** 1 KiB of text in BODY_LINES lines that says which request wrote it. */
function bodyFor(label: string, i: number): Buffer {
  const line = (k: number) => `${label} ${i} line ${k} `.padEnd(BODY_BYTES / BODY_LINES - 1, ".") + "\n";
  return Buffer.from(Array.from({ length: BODY_LINES }, (_, k) => line(k)).join(""));
}
const nameOf = (group: string, i: number) => `${group}-${String(i % NAMES).padStart(4, "0")}.txt`;
const enc = encodeURIComponent;

type TPhase = {
  opsPerSecond: number;
  p50: number;
  p99: number;
  queriesPerRequest: number;
  serverCpuMs: number;
  runs: number[];
};

/** A keep-alive client with up to 8 connections, as an agent's SDK would hold. */
function httpClient(baseUrl: string, headers: Record<string, string>) {
  const { hostname, port } = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const request = (method: string, urlPath: string, body?: Buffer, extra: Record<string, string> = {}) =>
    new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
      const req = http.request({
        host: hostname,
        port,
        path: urlPath,
        method,
        agent,
        headers: { ...headers, ...extra, ...(body ? { "Content-Length": String(body.length) } : {}) },
      });
      req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${urlPath} timed out`)));
      req.once("response", (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.once("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.once("error", reject);
      });
      req.once("error", reject);
      req.end(body);
    });
  const expect = async (status: number, method: string, urlPath: string, body?: Buffer, extra?: Record<string, string>) => {
    const r = await request(method, urlPath, body, extra);
    if (r.status !== status) {
      throw new Error(`${method} ${urlPath} answered ${r.status}, expected ${status}: ${r.body.toString().slice(0, 500)}`);
    }
    return r.body;
  };
  const json = async <T>(status: number, method: string, urlPath: string, body?: Buffer, extra?: Record<string, string>) =>
    JSON.parse((await expect(status, method, urlPath, body, extra)).toString("utf8")) as T;
  return { expect, json, close: () => agent.destroy() };
}

async function readQueries(baseUrl: string, token: string): Promise<number> {
  const res = await fetch(`${baseUrl}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
  const text = await res.text();
  const match = /^stowage_db_queries_total(?:\{\})? (\d+(?:\.\d+)?)$/m.exec(text);
  if (res.status !== 200 || !match) throw new Error(`GET /metrics: ${res.status}, no stowage_db_queries_total: ${text.slice(0, 300)}`);
  return Number(match[1]);
}

async function drive(concurrency: number, ms: number, op: (i: number) => Promise<void>) {
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const i = next++;
        const t = performance.now();
        await op(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000 };
}

type TPublished = { artifact: { id: string }; version: { version: number } };
type TLineage = { producedBy: { run: string | null; tool: string | null; model: string | null }; derivedFrom: unknown[] };
type TInputs = { inputs: { artifactId: string; version: number }[]; nextCursor: string | null };
type TTextPage = { lines: { line: number; text: string }[] };

async function main() {
  assertBuilt();
  process.chdir(ROOT);
  console.log(
    `lineage bench: ${BODY_BYTES} B text bodies, ${NAMES} names, ${SECONDS} s per run after ${WARMUP_MS} ms warm-up, ${RUNS} runs (median reported)`,
  );
  console.log(`machine: ${machineInfo()}`);
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ");
  console.log(`load average at start: ${load()}`);

  const dataDir = path.join(makeTempDir("stowage-bench-lineage-", 512 * MiB), "data");
  const adminKey = newAdminKey();
  const metricsToken = `bench-metrics-${randomBytes(12).toString("hex")}`;
  const server = await startStowage(dataDir, adminKey, { STOWAGE_METRICS_TOKEN: metricsToken });
  const client = httpClient(server.baseUrl, { Authorization: `Bearer ${adminKey}` });
  const textHeaders = { "Content-Type": "text/plain" };
  const publishPath = (name: string, extra = "") => `/api/v1/artifacts?namespace=${enc(NAMESPACE)}&name=${enc(name)}${extra}`;
  const publish = (name: string, body: Buffer, extra = "") =>
    client.json<TPublished>(201, "POST", publishPath(name, extra), body, textHeaders);

  try {
    // Inputs for derivedFrom, and the small versions the reads read (one per name).
    const inputs: { artifactId: string; version: number }[] = [];
    for (let k = 0; k < INPUTS; k++) {
      const { artifact, version } = await publish(`input-${k}.txt`, bodyFor("input", k));
      inputs.push({ artifactId: artifact.id, version: version.version });
    }
    const readIds: string[] = [];
    for (let i = 0; i < NAMES; i++) readIds.push((await publish(nameOf("read", i), bodyFor("read", i))).artifact.id);
    const lineageQuery = (n: number) =>
      `&runId=${enc(PRODUCER.runId)}&tool=${enc(PRODUCER.tool)}&model=${enc(PRODUCER.model)}&derivedFrom=${enc(JSON.stringify(inputs.slice(0, n)))}`;
    const lineage1 = lineageQuery(1);
    const lineage10 = lineageQuery(INPUTS);

    /** A new run id every NAMES reads, so each read is that run's first of that version (its run row made once per NAMES reads). */
    let firstReads = 0;
    const firstRun = () => {
      const seq = firstReads++;
      return { run: `bench-first-${Math.floor(seq / NAMES)}`, slot: seq % NAMES };
    };
    const download = async (i: number, run?: string) => {
      const body = await client.expect(
        200,
        "GET",
        `/api/v1/artifacts/${readIds[i % NAMES]}/content`,
        undefined,
        run ? { "X-Stowage-Run": run } : {},
      );
      if (body.length !== BODY_BYTES) throw new Error(`download: ${body.length} bytes, expected ${BODY_BYTES}`);
    };
    const text = async (i: number, run?: string) => {
      const page = await client.json<TTextPage>(
        200,
        "GET",
        `/api/v1/artifacts/${readIds[i % NAMES]}/text`,
        undefined,
        run ? { "X-Stowage-Run": run } : {},
      );
      if (page.lines.length !== BODY_LINES) throw new Error(`text: ${page.lines.length} lines, expected ${BODY_LINES}`);
    };

    // Each case beside its baseline (the first of its group), measured one after the other.
    const groups: { title: string; cases: [string, (i: number) => Promise<void>][] }[] = [
      {
        title: "publish (raw 1 KiB body)",
        cases: [
          ["publish, no lineage", async (i) => void (await publish(nameOf("plain", i), bodyFor("plain", i)))],
          ["publish, run+tool+model+derivedFrom 1", async (i) => void (await publish(nameOf("lin1", i), bodyFor("lin1", i), lineage1))],
          ["publish, run+tool+model+derivedFrom 10", async (i) => void (await publish(nameOf("lin10", i), bodyFor("lin10", i), lineage10))],
        ],
      },
      {
        title: "download (GET …/content, 1 KiB)",
        cases: [
          ["download, no run", (i) => download(i)],
          [
            "download, run's first read",
            async () => {
              const { run, slot } = firstRun();
              await download(slot, run);
            },
          ],
          ["download, run's repeated read", (i) => download(i, REPEAT_RUN)],
        ],
      },
      {
        title: "text read (GET …/text, 16 lines)",
        cases: [
          ["text, no run", (i) => text(i)],
          [
            "text, run's first read",
            async () => {
              const { run, slot } = firstRun();
              await text(slot, run);
            },
          ],
          ["text, run's repeated read", (i) => text(i, REPEAT_RUN)],
        ],
      },
    ];
    // The repeated-read run has read every version once before it is measured.
    for (let i = 0; i < NAMES; i++) await download(i, REPEAT_RUN);

    const phases: Record<string, TPhase> = {};
    const key = (name: string, c: number) => `${name} @${c}`;
    const measure = async (c: number, op: (i: number) => Promise<void>): Promise<TPhase> => {
      await yieldToEventLoop();
      const q0 = await readQueries(server.baseUrl, metricsToken);
      const cpu0 = readCpu(server.pid);
      const { latencies, seconds } = await drive(c, SECONDS * 1000, op);
      const cpu1 = readCpu(server.pid);
      const q1 = await readQueries(server.baseUrl, metricsToken);
      const n = latencies.length;
      return {
        opsPerSecond: n / seconds,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        // GET /metrics runs no statement, so the difference is the requests' own.
        queriesPerRequest: (q1 - q0) / n,
        serverCpuMs: ((cpu1.user + cpu1.system - cpu0.user - cpu0.system) * 1000) / n,
        runs: [],
      };
    };
    for (const group of groups) {
      for (const c of CONCURRENCIES) {
        // The cases of a group take turns run by run, so a baseline and its variants see the same
        // load on a shared machine; each case's median run by ops/s is reported.
        for (const [, op] of group.cases) if (WARMUP_MS > 0) await drive(c, WARMUP_MS, op);
        const results = new Map<string, TPhase[]>(group.cases.map(([name]) => [name, []]));
        for (let run = 0; run < RUNS; run++) {
          for (const [name, op] of group.cases) results.get(name)!.push(await measure(c, op));
        }
        for (const [name, runs] of results) {
          const chosen = [...runs].sort((a, b) => a.opsPerSecond - b.opsPerSecond)[Math.floor((RUNS - 1) / 2)]!;
          const p = (phases[key(name, c)] = { ...chosen, runs: runs.map((r) => r.opsPerSecond) });
          console.log(
            `  ${key(name, c)}: ${p.opsPerSecond.toFixed(0)}/s p50 ${p.p50.toFixed(2)} ms p99 ${p.p99.toFixed(2)} ms, ` +
              `${p.queriesPerRequest.toFixed(2)} queries/req, server CPU ${p.serverCpuMs.toFixed(2)} ms/req (runs ${p.runs.map((r) => r.toFixed(0)).join(", ")})`,
          );
        }
      }
    }

    // What was recorded: lineage of a derived version, the repeated run's reads deduplicated, a first-read run's reads.
    const derived = await publish(nameOf("lin10", 0), bodyFor("lin10", 0), lineage10);
    const lineage = await client.json<TLineage>(
      200,
      "GET",
      `/api/v1/artifacts/${derived.artifact.id}/versions/${derived.version.version}/lineage`,
    );
    if (lineage.producedBy.run !== PRODUCER.runId || lineage.producedBy.tool !== PRODUCER.tool || lineage.derivedFrom.length !== INPUTS) {
      throw new Error(`lineage of a derived version: ${JSON.stringify(lineage).slice(0, 500)}`);
    }
    const inputsOf = (run: string) =>
      client.json<TInputs>(200, "GET", `/api/v1/runs/${enc(run)}/inputs?namespace=${enc(NAMESPACE)}&limit=200`);
    const repeated = await inputsOf(REPEAT_RUN);
    if (repeated.inputs.length !== NAMES || repeated.nextCursor !== null) {
      throw new Error(`the repeated-read run has ${repeated.inputs.length} inputs recorded, expected ${NAMES} (one per version)`);
    }
    const first = await inputsOf("bench-first-0");
    if (first.inputs.length !== NAMES) throw new Error(`run bench-first-0 has ${first.inputs.length} inputs recorded, expected ${NAMES}`);
    console.log(
      `\nchecked: lineage of a derived version (run, tool, model, ${INPUTS} inputs); ${REPEAT_RUN} has ${NAMES} inputs after ` +
        `thousands of reads; ${Math.ceil(firstReads / NAMES)} first-read runs of ${NAMES} reads each`,
    );

    const f0 = (v: number) => v.toFixed(0);
    const f2 = (v: number) => v.toFixed(2);
    const rows = groups.flatMap((group) =>
      CONCURRENCIES.flatMap((c) => {
        const base = phases[key(group.cases[0]![0], c)]!;
        return group.cases.map(([name]) => {
          const p = phases[key(name, c)]!;
          const isBase = p === base;
          return [
            name,
            c,
            f0(p.opsPerSecond),
            f2(p.p50),
            f2(p.p99),
            f2(p.queriesPerRequest),
            f2(p.serverCpuMs),
            isBase ? "-" : `${((p.opsPerSecond / base.opsPerSecond) * 100).toFixed(0)}%`,
            isBase ? "-" : `${p.serverCpuMs >= base.serverCpuMs ? "+" : ""}${f2(p.serverCpuMs - base.serverCpuMs)}`,
            p.runs.map(f0).join(" / "),
          ];
        });
      }),
    );
    console.log(`\nStowage on SQLite + filesystem, over HTTP (keep-alive, ${BODY_BYTES} B bodies; load average at the end: ${load()})`);
    console.log(
      table(
        [
          "case",
          "in flight",
          "ops/s",
          "p50 ms",
          "p99 ms",
          "queries/req",
          "server CPU ms/req",
          "ops/s vs none",
          "CPU ms vs none",
          "runs ops/s",
        ],
        rows,
      ),
    );

    if (process.env.BENCH_JSON_OUT) {
      writeFileSync(
        process.env.BENCH_JSON_OUT,
        JSON.stringify(
          { bench: "lineage", config: { bodyBytes: BODY_BYTES, names: NAMES, seconds: SECONDS, warmupMs: WARMUP_MS, runs: RUNS }, phases },
          null,
          2,
        ),
      );
    }
  } finally {
    client.close();
    await server.stop();
  }
}

runMain("lineage bench", main, envInt("BENCH_TIMEOUT_S", 600));
