// Small artifacts, an agent's workload: 1 KiB saves (a new version of one of ~100 names each
// time), loads of the latest version, version lists, a page of 50 artifacts, and listing the
// names of 10,000 artifacts of one session. Over HTTP against the production build, on SQLite +
// filesystem and on PostgreSQL + filesystem, at 1 and 8 requests in flight (one keep-alive agent),
// side by side with ADK's FileArtifactService (@google/adk) in-process on the same workload.
// For every phase: ops/s, p50/p99 latency, SQL statements per request (stowage_db_queries_total
// from /metrics before and after), server CPU per request, and the bench process's CPU (the client).
//
//   flock /tmp/stowage-build.lock node --import ./scripts/register-hooks.mjs bench/small-ops.bench.ts   # ~6.5 min
//
// Env: BENCH_SMALL_SECONDS (4 s per measured phase), BENCH_SMALL_WARMUP_MS (1000, before each
// operation × concurrency), BENCH_RUNS (3 runs of each phase; the median run by ops/s is reported),
// BENCH_SMALL_NAMES (100), BENCH_LIST_ARTIFACTS (10000), BENCH_SKIP_POSTGRES=1, BENCH_COUNT_QUERIES=0
// (no STOWAGE_METRICS_TOKEN, so no statement counting in the server), BENCH_TMPDIR,
// BENCH_TIMEOUT_S (900), BENCH_STRICT=1 (exit 3 when a goal is missed), BENCH_JSON_OUT (results as
// JSON), BENCH_SMALL_PROFILE=1 (instead of measuring: a CPU profile of the server per operation,
// SQLite only, reduced to where the time goes). See bench/README.md.
import { FileArtifactService, LogLevel, setLogLevel } from "@google/adk";
import { createHash, randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { createDb } from "../lib/db/client.ts";
import { newId } from "../lib/ids.ts";
import {
  assertBuilt,
  envInt,
  machineInfo,
  makeTempDir,
  median,
  MiB,
  percentile,
  readCpu,
  ROOT,
  runMain,
  table,
  yieldToEventLoop,
} from "./support/common.ts";
import { startPostgres, type TBenchPostgres } from "./support/postgres-server.ts";
import { mainThreadBreakdown, readProfileDir } from "./support/cpu-profile.ts";
import { newAdminKey, startBaseline, startStowage } from "./support/servers.ts";

const NAMESPACE = "agent:admin";
const BODY_BYTES = 1024;
const CONCURRENCIES = [1, 8] as const;
const LIST_SESSION = "list-10k";
const SEED_BATCH = 2000;
/** The largest page GET /api/v1/artifacts allows (lib/pagination.ts MAX_PAGE_SIZE). */
const MAX_PAGE = 200;

const SECONDS = envInt("BENCH_SMALL_SECONDS", 4);
const WARMUP_MS = envInt("BENCH_SMALL_WARMUP_MS", 1000, 0);
const RUNS = envInt("BENCH_RUNS", 3);
const NAMES = envInt("BENCH_SMALL_NAMES", 100, 10);
const LIST_COUNT = envInt("BENCH_LIST_ARTIFACTS", 10_000, MAX_PAGE + 1);
// Counting statements turns on Prisma's query events in the server; BENCH_COUNT_QUERIES=0 runs
// without STOWAGE_METRICS_TOKEN, to see what the counting itself costs.
const COUNT_QUERIES = process.env.BENCH_COUNT_QUERIES !== "0";
const PROFILE = process.env.BENCH_SMALL_PROFILE === "1";

type TOp = "save" | "load latest" | "list versions" | "list page of 50";
const OPS: TOp[] = ["save", "load latest", "list versions", "list page of 50"];

/** One measured phase (the median of BENCH_RUNS runs by ops/s). */
type TPhase = {
  n: number;
  seconds: number;
  opsPerSecond: number;
  p50: number;
  p99: number;
  /** SQL statements per request (Stowage only). */
  queriesPerRequest?: number;
  /** CPU ms per request of the Stowage server process (Stowage) or of this process (ADK, in-process). */
  serverCpuMs?: number;
  /** CPU ms per request of the PostgreSQL cluster (postmaster and backends). */
  dbCpuMs?: number;
  /** CPU ms per request of this process: the HTTP client (Stowage) or ADK itself. */
  clientCpuMs: number;
  /** Every run's ops/s, to show the spread. */
  runs: number[];
};

type TListing = { seconds: number; pages: number; queriesPerPage?: number; serverCpuMs?: number; dbCpuMs?: number; runs: number[] };

/** `list` is null when only some operations were run (BENCH_SMALL_PROFILE). */
type TDbResult = { phases: Record<string, TPhase>; list: TListing | null; seedSeconds: number };

const key = (op: string, concurrency: number) => `${op} @${concurrency}`;
const nameOf = (i: number) => `item-${String(i % NAMES).padStart(4, "0")}.txt`;
const listNameOf = (i: number) => `key-${String(i).padStart(5, "0")}.txt`;

/** 1 KiB that says which request wrote it. */
function bodyFor(i: number): Buffer {
  const body = Buffer.alloc(BODY_BYTES, 0x2e);
  body.write(`${nameOf(i)} request ${i}\n`);
  return body;
}

/** Runs `op` from `concurrency` loops until `ms` have passed; `op(i)` gets a global sequence number. */
async function drive(concurrency: number, ms: number, op: (i: number) => Promise<void>) {
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + ms;
  const loop = async () => {
    while (performance.now() < deadline) {
      const i = next++;
      const t = performance.now();
      await op(i);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

const cpuOf = (pid: number) => {
  const c = readCpu(pid);
  return c.user + c.system;
};
const selfCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/**
 * Measures one operation at one concurrency: a warm-up, then RUNS runs of SECONDS each; returns
 * the median run by ops/s. `probe` reads counters before and after each run.
 */
async function phase(
  concurrency: number,
  op: (i: number) => Promise<void>,
  probe: { queries?: () => Promise<number>; serverCpu?: () => number; dbCpu?: () => number } = {},
): Promise<TPhase> {
  if (WARMUP_MS > 0) await drive(concurrency, WARMUP_MS, op);
  const results: TPhase[] = [];
  for (let run = 0; run < RUNS; run++) {
    await yieldToEventLoop();
    const q0 = await probe.queries?.();
    const s0 = probe.serverCpu?.();
    const d0 = probe.dbCpu?.();
    const c0 = selfCpu();
    const { latencies, seconds } = await drive(concurrency, SECONDS * 1000, op);
    const c1 = selfCpu();
    const d1 = probe.dbCpu?.();
    const s1 = probe.serverCpu?.();
    const q1 = await probe.queries?.();
    const n = latencies.length;
    const sorted = latencies.sort((a, b) => a - b);
    results.push({
      n,
      seconds,
      opsPerSecond: n / seconds,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      queriesPerRequest: q0 !== undefined && q1 !== undefined ? (q1 - q0) / n : undefined,
      serverCpuMs: s0 !== undefined && s1 !== undefined ? ((s1 - s0) * 1000) / n : undefined,
      dbCpuMs: d0 !== undefined && d1 !== undefined ? ((d1 - d0) * 1000) / n : undefined,
      clientCpuMs: ((c1 - c0) * 1000) / n,
      runs: [],
    });
  }
  const byOps = [...results].sort((a, b) => a.opsPerSecond - b.opsPerSecond);
  const chosen = byOps[Math.floor((byOps.length - 1) / 2)]!;
  return { ...chosen, runs: results.map((r) => r.opsPerSecond) };
}

// ---- HTTP ----------------------------------------------------------------------------------

type TResponse = { status: number; body: Buffer };

/** A keep-alive client with up to 8 connections, as an agent's SDK would hold. */
function httpClient(baseUrl: string, headers: Record<string, string>) {
  const { hostname, port } = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  let sent = 0;
  const request = (method: string, path: string, body?: Buffer, extra: Record<string, string> = {}) =>
    new Promise<TResponse>((resolve, reject) => {
      sent++;
      const req = http.request({
        host: hostname,
        port,
        path,
        method,
        agent,
        headers: { ...headers, ...extra, ...(body ? { "Content-Length": String(body.length) } : {}) },
      });
      req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.once("response", (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.once("end", () => resolve({ status: res.statusCode ?? 0, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) }));
        res.once("error", reject);
      });
      req.once("error", reject);
      req.end(body);
    });
  const expect = async (status: number, method: string, path: string, body?: Buffer, extra?: Record<string, string>) => {
    const r = await request(method, path, body, extra);
    if (r.status !== status)
      throw new Error(`${method} ${path} answered ${r.status}, expected ${status}: ${r.body.toString().slice(0, 500)}`);
    return r.body;
  };
  return { request, expect, sent: () => sent, close: () => agent.destroy() };
}

/** stowage_db_queries_total from GET /metrics. */
async function readQueries(baseUrl: string, token: string): Promise<number> {
  const res = await fetch(`${baseUrl}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET /metrics answered ${res.status}: ${text.slice(0, 300)}`);
  const match = /^stowage_db_queries_total(?:\{\})? (\d+(?:\.\d+)?)$/m.exec(text);
  if (!match) throw new Error("GET /metrics has no stowage_db_queries_total (is the server counting queries?)");
  return Number(match[1]);
}

type TSaved = { artifact: { id: string; name: string; latestVersion: number }; version: { version: number; sha256: string } };
type TVersions = { versions: { artifactId: string; version: number; sizeBytes: number; sha256: string }[]; nextCursor: string | null };
type TList = { artifacts: { id: string; name: string; latestVersion: number }[]; nextCursor: string | null };

/** Stowage on one database: every operation at every concurrency, then the 10,000-name listing. */
async function benchStowage(
  label: string,
  options: { postgres?: TBenchPostgres; only?: TOp[]; nodeArgs?: string[] },
): Promise<TDbResult & { requests: number; measuredFromUs: number }> {
  const tmp = makeTempDir(`stowage-bench-small-${label}-`, 256 * MiB);
  const dataDir = path.join(tmp, "data");
  const adminKey = newAdminKey();
  const metricsToken = `bench-metrics-${randomBytes(12).toString("hex")}`;
  const databaseUrl = options.postgres?.url ?? `file:${dataDir}/stowage.db`;
  const server = await startStowage(
    dataDir,
    adminKey,
    {
      ...(COUNT_QUERIES ? { STOWAGE_METRICS_TOKEN: metricsToken } : {}),
      // startStowage defaults to SQLite in dataDir; startServer lets env override it.
      ...(options.postgres ? { DATABASE_URL: databaseUrl } : {}),
    },
    options.nodeArgs,
  );
  const client = httpClient(server.baseUrl, { Authorization: `Bearer ${adminKey}` });
  const probe = {
    queries: COUNT_QUERIES ? () => readQueries(server.baseUrl, metricsToken) : undefined,
    serverCpu: () => cpuOf(server.pid),
    dbCpu: options.postgres?.cpu,
  };
  try {
    // One version of every name first, so every operation has something to work on.
    const ids: string[] = new Array<string>(NAMES);
    const latest = new Map<number, { version: number; body: Buffer }>();
    const save = async (i: number) => {
      const body = bodyFor(i);
      const text = await client.expect(
        201,
        "POST",
        `/api/v1/artifacts?namespace=${encodeURIComponent(NAMESPACE)}&name=${encodeURIComponent(nameOf(i))}`,
        body,
        { "Content-Type": "text/plain" },
      );
      const saved = JSON.parse(text.toString("utf8")) as TSaved;
      const slot = i % NAMES;
      ids[slot] ??= saved.artifact.id;
      const seen = latest.get(slot);
      if (!seen || saved.version.version > seen.version) latest.set(slot, { version: saved.version.version, body });
    };
    for (let i = 0; i < NAMES; i++) await save(i);
    // The upload's answer, checked once: the artifact, the version, the stored bytes' sha256.
    {
      const body = bodyFor(0);
      const probeText = await client.expect(
        201,
        "POST",
        `/api/v1/artifacts?namespace=${encodeURIComponent(NAMESPACE)}&name=${encodeURIComponent(nameOf(0))}`,
        body,
        { "Content-Type": "text/plain" },
      );
      const saved = JSON.parse(probeText.toString("utf8")) as TSaved;
      const sha = createHash("sha256").update(body).digest("hex");
      if (saved.artifact.id !== ids[0] || saved.version.version !== 1 || saved.version.sha256 !== sha) {
        throw new Error(`unexpected upload answer: ${probeText.toString("utf8").slice(0, 500)}`);
      }
      latest.set(0, { version: 1, body });
    }

    const ops: Record<TOp, (i: number) => Promise<void>> = {
      save,
      "load latest": async (i) => {
        const body = await client.expect(200, "GET", `/api/v1/artifacts/${ids[i % NAMES]}/content`);
        if (body.length !== BODY_BYTES) throw new Error(`load latest: ${body.length} bytes, expected ${BODY_BYTES}`);
      },
      "list versions": async (i) => {
        await client.expect(200, "GET", `/api/v1/artifacts/${ids[i % NAMES]}/versions`);
      },
      "list page of 50": async () => {
        await client.expect(200, "GET", `/api/v1/artifacts?namespace=${encodeURIComponent(NAMESPACE)}&limit=50`);
      },
    };
    const checks: Partial<Record<TOp, () => Promise<void>>> = {
      "load latest": async () => {
        for (const slot of [0, NAMES - 1]) {
          const body = await client.expect(200, "GET", `/api/v1/artifacts/${ids[slot]}/content`);
          if (!body.equals(latest.get(slot)!.body)) throw new Error(`load latest: the bytes of ${nameOf(slot)} are not those last saved`);
        }
      },
      "list versions": async () => {
        const text = await client.expect(200, "GET", `/api/v1/artifacts/${ids[0]}/versions`);
        const page = JSON.parse(text.toString("utf8")) as TVersions;
        const newest = latest.get(0)!.version;
        const want = Math.min(50, newest + 1);
        if (
          !Array.isArray(page.versions) ||
          page.versions.length !== want ||
          page.versions[0]!.version !== newest ||
          page.versions.some((v, k) => v.version !== newest - k || v.artifactId !== ids[0] || v.sizeBytes !== BODY_BYTES) ||
          newest + 1 > 50 !== (page.nextCursor !== null)
        ) {
          throw new Error(`list versions: unexpected answer for ${newest + 1} versions: ${text.toString("utf8").slice(0, 500)}`);
        }
      },
      "list page of 50": async () => {
        const text = await client.expect(200, "GET", `/api/v1/artifacts?namespace=${encodeURIComponent(NAMESPACE)}&limit=50`);
        const page = JSON.parse(text.toString("utf8")) as TList;
        if (page.artifacts.length !== 50 || !page.nextCursor || page.artifacts.some((a) => !a.id || !a.name)) {
          throw new Error(`list page of 50: unexpected answer: ${text.toString("utf8").slice(0, 500)}`);
        }
      },
    };

    const phases: Record<string, TPhase> = {};
    // Where the measured phases begin, on the clock of V8's profiles (CLOCK_MONOTONIC, µs): a
    // profile counts from here, leaving out start-up and seeding.
    const measuredFromUs = Number(process.hrtime.bigint() / 1000n);
    const sentBefore = client.sent();
    for (const op of options.only ?? OPS) {
      await checks[op]?.();
      for (const c of CONCURRENCIES) {
        phases[key(op, c)] = await phase(c, ops[op], probe);
        const p = phases[key(op, c)]!;
        console.log(
          `  ${label} ${key(op, c)}: ${p.opsPerSecond.toFixed(0)}/s p50 ${p.p50.toFixed(2)} ms p99 ${p.p99.toFixed(2)} ms, ${p.queriesPerRequest?.toFixed(2)} queries/req (runs ${p.runs.map((r) => r.toFixed(0)).join(", ")})`,
        );
      }
    }
    // The loads above were of the latest version; a load after all the saves still matches.
    await checks["load latest"]!();
    const requests = client.sent() - sentBefore;
    if (options.only) return { phases, list: null, seedSeconds: 0, requests, measuredFromUs };

    // ---- 10,000 names of one session ------------------------------------------------------
    // The session and its first artifact through the API; the rest straight into the database
    // (rows only, no blobs: listing never reads the bytes), in batches through Prisma.
    const t0 = performance.now();
    await client.expect(
      201,
      "POST",
      `/api/v1/artifacts?namespace=${encodeURIComponent(NAMESPACE)}&sessionId=${LIST_SESSION}&name=${listNameOf(0)}`,
      bodyFor(0),
      { "Content-Type": "text/plain" },
    );
    const db = createDb(databaseUrl);
    try {
      const admin = await db.identity.findUniqueOrThrow({ where: { name: "admin" } });
      const ns = await db.namespace.findUniqueOrThrow({ where: { name: NAMESPACE } });
      const session = await db.session.findUniqueOrThrow({
        where: { namespaceId_externalId: { namespaceId: ns.id, externalId: LIST_SESSION } },
      });
      const base = Date.now() - LIST_COUNT - 60_000;
      for (let start = 1; start < LIST_COUNT; start += SEED_BATCH) {
        const artifacts = [];
        const versions = [];
        for (let i = start; i < Math.min(LIST_COUNT, start + SEED_BATCH); i++) {
          const at = new Date(base + i);
          const id = newId(base + i);
          const versionId = newId(base + i);
          const name = listNameOf(i);
          artifacts.push({
            id,
            namespaceId: ns.id,
            sessionId: session.id,
            sessionKey: session.id,
            name,
            createdById: admin.id,
            createdAt: at,
            updatedAt: at,
            latestVersion: 0,
            nextVersion: 1,
          });
          versions.push({
            id: versionId,
            artifactId: id,
            version: 0,
            filename: name,
            mimeType: "text/plain",
            sizeBytes: BigInt(BODY_BYTES),
            sha256: createHash("sha256").update(name).digest("hex"),
            createdById: admin.id,
            createdAt: at,
            backend: "fs",
            storageKey: `v1/${ns.id}/${versionId}`,
          });
        }
        await db.artifact.createMany({ data: artifacts });
        await db.artifactVersion.createMany({ data: versions });
        await yieldToEventLoop();
      }
    } finally {
      await db.$disconnect();
    }
    const seedSeconds = (performance.now() - t0) / 1000;

    const expected = Array.from({ length: LIST_COUNT }, (_, i) => listNameOf(i));
    const walk = async () => {
      const names: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const q = new URLSearchParams({ namespace: NAMESPACE, sessionId: LIST_SESSION, limit: String(MAX_PAGE) });
        if (cursor) q.set("cursor", cursor);
        const text = await client.expect(200, "GET", `/api/v1/artifacts?${q}`);
        const page = JSON.parse(text.toString("utf8")) as TList;
        for (const a of page.artifacts) names.push(a.name);
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      return { names, pages };
    };
    {
      const { names } = await walk(); // warm-up, and the check
      const sorted = [...names].sort();
      if (names.length !== LIST_COUNT || sorted.some((n, i) => n !== expected[i])) {
        throw new Error(`listing the session returned ${names.length} names, not the ${LIST_COUNT} seeded`);
      }
    }
    const listRuns: TListing[] = [];
    for (let run = 0; run < RUNS; run++) {
      const q0 = await probe.queries?.();
      const s0 = probe.serverCpu();
      const d0 = probe.dbCpu?.();
      const started = performance.now();
      const { names, pages } = await walk();
      const seconds = (performance.now() - started) / 1000;
      const d1 = probe.dbCpu?.();
      const s1 = probe.serverCpu();
      const q1 = await probe.queries?.();
      if (names.length !== LIST_COUNT) throw new Error(`listing returned ${names.length} names`);
      listRuns.push({
        seconds,
        pages,
        queriesPerPage: q0 !== undefined && q1 !== undefined ? (q1 - q0) / pages : undefined,
        serverCpuMs: (s1 - s0) * 1000,
        dbCpuMs: d0 !== undefined && d1 !== undefined ? (d1 - d0) * 1000 : undefined,
        runs: [],
      });
    }
    const bySeconds = [...listRuns].sort((a, b) => a.seconds - b.seconds);
    const list = { ...bySeconds[Math.floor((bySeconds.length - 1) / 2)]!, runs: listRuns.map((r) => r.seconds) };
    console.log(
      `  ${label} listing ${LIST_COUNT} names: ${list.seconds.toFixed(3)} s in ${list.pages} pages (seeded in ${seedSeconds.toFixed(1)} s)`,
    );
    return { phases, list, seedSeconds, requests, measuredFromUs };
  } finally {
    client.close();
    await server.stop();
  }
}

// ---- the floor -----------------------------------------------------------------------------

type TFloorOp = "save" | "load latest";

/**
 * The same client and workload against a plain Node HTTP server (bench/support/baseline-server.ts):
 * a save writes the file, hashes it and fsyncs it (no row, no auth), a load reads the file. What
 * HTTP and the disk cost on this machine before any database or application code runs.
 */
async function benchFloor(): Promise<Record<string, TPhase>> {
  const dir = makeTempDir("stowage-bench-small-floor-", 64 * MiB);
  const server = await startBaseline(dir);
  const client = httpClient(server.baseUrl, {});
  const probe = { serverCpu: () => cpuOf(server.pid) };
  const save = async (i: number) => {
    const text = await client.expect(201, "POST", `/files/${nameOf(i)}?sha256=1&fsync=1`, bodyFor(i));
    const { size } = JSON.parse(text.toString("utf8")) as { size: number };
    if (size !== BODY_BYTES) throw new Error(`plain HTTP save: ${size} bytes stored, expected ${BODY_BYTES}`);
  };
  const ops: Record<TFloorOp, (i: number) => Promise<void>> = {
    save,
    "load latest": async (i) => {
      const body = await client.expect(200, "GET", `/files/${nameOf(i)}`);
      if (body.length !== BODY_BYTES) throw new Error(`plain HTTP load: ${body.length} bytes, expected ${BODY_BYTES}`);
    },
  };
  try {
    for (let i = 0; i < NAMES; i++) await save(i);
    const phases: Record<string, TPhase> = {};
    for (const op of Object.keys(ops) as TFloorOp[]) {
      for (const c of CONCURRENCIES) {
        const p = (phases[key(op, c)] = await phase(c, ops[op], probe));
        console.log(
          `  plain HTTP ${key(op, c)}: ${p.opsPerSecond.toFixed(0)}/s p50 ${p.p50.toFixed(2)} ms p99 ${p.p99.toFixed(2)} ms (runs ${p.runs.map((r) => r.toFixed(0)).join(", ")})`,
        );
      }
    }
    return phases;
  } finally {
    client.close();
    await server.stop();
  }
}

/**
 * BENCH_SMALL_PROFILE=1: one fresh SQLite server per operation under `node --cpu-prof`, driven
 * like the measured run (seeding, warm-up, 1 and 8 in flight), then its main thread's busy time
 * split by part of the stack, per request. Profiling slows the server down, so no goals here.
 */
async function profileStowage(): Promise<void> {
  for (const op of OPS) {
    const dir = makeTempDir("stowage-bench-small-profile-");
    const r = await benchStowage("sqlite", { only: [op], nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`] });
    const b = mainThreadBreakdown(readProfileDir(dir), r.measuredFromUs);
    const perRequest = (ms: number) => (ms / r.requests).toFixed(3);
    const at8 = r.phases[key(op, 8)]!;
    console.log(
      `\n${op}: ${r.requests} requests; main thread busy ${perRequest(b.busyMs)} ms/request ` +
        `(the whole process at 8 in flight: ${at8.serverCpuMs?.toFixed(2)} ms/request, threads included)`,
    );
    console.log(
      table(
        ["part of the stack", "share of busy", "ms/request"],
        b.parts.map((p) => [p.part, `${(p.share * 100).toFixed(1)}%`, perRequest(p.ms)]),
      ),
    );
    console.log(
      table(
        ["most self time (function, script)", "part", "ms/request"],
        b.top.map((t) => [t.fn.slice(0, 90), t.part, perRequest(t.ms)]),
      ),
    );
  }
}

// ---- ADK -----------------------------------------------------------------------------------

type TAdkResult = { phases: Record<string, TPhase>; list: TListing; seedSeconds: number };

async function benchAdk(): Promise<TAdkResult> {
  setLogLevel(LogLevel.ERROR); // it warns on every first save of a name (no versions dir yet)
  const root = makeTempDir("stowage-bench-small-adk-", 256 * MiB);
  const service = new FileArtifactService(root);
  const scope = { appName: "stowage-bench", userId: "admin", sessionId: "bench" };
  const latest = new Map<number, { version: number; body: Buffer }>();
  const save = async (i: number) => {
    const body = bodyFor(i);
    const version = await service.saveArtifact({
      ...scope,
      filename: nameOf(i),
      artifact: { inlineData: { data: body.toString("base64"), mimeType: "text/plain" } },
    });
    const slot = i % NAMES;
    const seen = latest.get(slot);
    if (!seen || version > seen.version) latest.set(slot, { version, body });
  };
  for (let i = 0; i < NAMES; i++) await save(i);
  const ops: Record<string, (i: number) => Promise<void>> = {
    save,
    "load latest": async (i) => {
      const part = await service.loadArtifact({ ...scope, filename: nameOf(i), version: undefined });
      if (!part?.inlineData?.data) throw new Error(`ADK loadArtifact(${nameOf(i)}) returned nothing`);
    },
    "list versions": async (i) => {
      const versions = await service.listVersions({ ...scope, filename: nameOf(i) });
      if (!versions.length) throw new Error(`ADK listVersions(${nameOf(i)}) returned nothing`);
    },
  };
  const checkLoad = async () => {
    for (const slot of [0, NAMES - 1]) {
      const part = await service.loadArtifact({ ...scope, filename: nameOf(slot), version: undefined });
      if (!Buffer.from(part?.inlineData?.data ?? "", "base64").equals(latest.get(slot)!.body)) {
        throw new Error(`ADK loadArtifact: the bytes of ${nameOf(slot)} are not those last saved`);
      }
    }
  };
  const phases: Record<string, TPhase> = {};
  for (const op of Object.keys(ops)) {
    if (op === "load latest") await checkLoad();
    for (const c of CONCURRENCIES) {
      const p = (phases[key(op, c)] = await phase(c, ops[op]!));
      console.log(
        `  ADK ${key(op, c)}: ${p.opsPerSecond.toFixed(0)}/s p50 ${p.p50.toFixed(2)} ms p99 ${p.p99.toFixed(2)} ms (runs ${p.runs.map((r) => r.toFixed(0)).join(", ")})`,
      );
    }
  }

  // 10,000 keys in one session, saved 8 at a time (distinct names, so ADK's unlocked version
  // numbering is not in play), then listArtifactKeys.
  const t0 = performance.now();
  const listScope = { ...scope, sessionId: LIST_SESSION };
  const part = { inlineData: { data: bodyFor(0).toString("base64"), mimeType: "text/plain" } };
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < LIST_COUNT; i = next++)
        await service.saveArtifact({ ...listScope, filename: listNameOf(i), artifact: part });
    }),
  );
  const seedSeconds = (performance.now() - t0) / 1000;
  const runs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const keys = await service.listArtifactKeys(listScope);
    runs.push((performance.now() - started) / 1000);
    if (keys.length !== LIST_COUNT) throw new Error(`ADK listArtifactKeys returned ${keys.length} keys, expected ${LIST_COUNT}`);
  }
  const list = { seconds: median(runs), pages: 1, runs };
  console.log(`  ADK listArtifactKeys over ${LIST_COUNT} keys: ${list.seconds.toFixed(3)} s (seeded in ${seedSeconds.toFixed(1)} s)`);
  return { phases, list, seedSeconds };
}

// ---- report --------------------------------------------------------------------------------

type TGoal = { goal: string; measured: string; ok: boolean };

async function main() {
  assertBuilt();
  process.chdir(ROOT);
  const started = Date.now();
  console.log(
    `small-ops bench: ${BODY_BYTES} B bodies, ${NAMES} names, ${SECONDS} s per phase after ${WARMUP_MS} ms warm-up, ${RUNS} runs (median reported), ${LIST_COUNT} names to list`,
  );
  console.log(`machine: ${machineInfo()}`);
  if (PROFILE) return profileStowage();

  console.log("\nADK FileArtifactService, in-process:");
  const adk = await benchAdk();

  console.log("\nPlain Node HTTP server (file write + sha256 + fsync; file read), the same client:");
  const floor = await benchFloor();

  console.log("\nStowage on SQLite + filesystem, over HTTP:");
  const sqlite = await benchStowage("sqlite", {});

  let postgres: TDbResult | undefined;
  let postgresSkipped: string | undefined;
  if (process.env.BENCH_SKIP_POSTGRES === "1") postgresSkipped = "BENCH_SKIP_POSTGRES=1";
  else {
    let pg: TBenchPostgres | undefined;
    try {
      pg = await startPostgres();
    } catch (error) {
      postgresSkipped = `PostgreSQL could not be started: ${(error as Error).message}`;
      console.error(postgresSkipped);
    }
    if (pg) {
      console.log("\nStowage on PostgreSQL + filesystem, over HTTP:");
      postgres = await benchStowage("postgres", { postgres: pg });
      await pg.stop();
    }
  }

  const f0 = (v: number) => v.toFixed(0);
  const f2 = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? "-" : v.toFixed(2));
  const ratio = (v: number) => `${v.toFixed(2)}x`;
  const adkOf = (op: string, c: number) => adk.phases[key(op, c)];

  console.log(`\nADK FileArtifactService in-process (CPU = this process, per operation)`);
  console.log(
    table(
      ["operation", "in flight", "ops/s", "p50 ms", "p99 ms", "CPU ms/op", "runs ops/s"],
      Object.entries(adk.phases).map(([k, p]) => {
        const [op, c] = k.split(" @");
        return [op!, c!, f0(p.opsPerSecond), f2(p.p50), f2(p.p99), f2(p.clientCpuMs), p.runs.map(f0).join(" / ")];
      }),
    ),
  );

  const dbTable = (label: string, r: TDbResult) => {
    const rows = OPS.flatMap((op) =>
      CONCURRENCIES.map((c) => {
        const p = r.phases[key(op, c)]!;
        const a = adkOf(op, c);
        const f = floor[key(op, c)];
        return [
          op,
          c,
          f0(p.opsPerSecond),
          f2(p.p50),
          f2(p.p99),
          f2(p.queriesPerRequest),
          f2(p.serverCpuMs),
          ...(label === "PostgreSQL" ? [f2(p.dbCpuMs)] : []),
          f2(p.clientCpuMs),
          a ? f0(a.opsPerSecond) : "-",
          a ? ratio(p.opsPerSecond / a.opsPerSecond) : "-",
          f ? ratio(p.opsPerSecond / f.opsPerSecond) : "-",
          p.runs.map(f0).join(" / "),
        ];
      }),
    );
    console.log(`\nStowage on ${label} + filesystem, over HTTP (keep-alive, ${BODY_BYTES} B bodies)`);
    console.log(
      table(
        [
          "operation",
          "in flight",
          "ops/s",
          "p50 ms",
          "p99 ms",
          "queries/req",
          "server CPU ms/req",
          ...(label === "PostgreSQL" ? ["PG CPU ms/req"] : []),
          "client CPU ms/req",
          "ADK ops/s",
          "vs ADK",
          "vs plain HTTP",
          "runs ops/s",
        ],
        rows,
      ),
    );
    const l = r.list!;
    console.log(
      `listing ${LIST_COUNT} names (${l.pages} pages of ${MAX_PAGE}, sequential): ${l.seconds.toFixed(3)} s, ${f2(l.queriesPerPage)} queries/page, ` +
        `server CPU ${f0(l.serverCpuMs!)} ms${l.dbCpuMs !== undefined ? `, PG CPU ${f0(l.dbCpuMs)} ms` : ""}; ADK listArtifactKeys ${adk.list.seconds.toFixed(3)} s = ` +
        `${ratio(adk.list.seconds / l.seconds)} (runs ${l.runs.map((s) => s.toFixed(3)).join(" / ")}; seeded through Prisma createMany in ${r.seedSeconds.toFixed(1)} s)`,
    );
  };
  console.log(`\nPlain Node HTTP server (the floor: no database, no auth), the same client`);
  console.log(
    table(
      ["operation", "in flight", "ops/s", "p50 ms", "p99 ms", "server CPU ms/req", "client CPU ms/req", "runs ops/s"],
      Object.entries(floor).map(([k, p]) => {
        const [op, c] = k.split(" @");
        return [op!, c!, f0(p.opsPerSecond), f2(p.p50), f2(p.p99), f2(p.serverCpuMs), f2(p.clientCpuMs), p.runs.map(f0).join(" / ")];
      }),
    ),
  );
  dbTable("SQLite", sqlite);
  if (postgres) dbTable("PostgreSQL", postgres);
  else console.log(`\nPostgreSQL: not measured (${postgresSkipped})`);

  // ---- goals -----------------------------------------------------------------------------
  const goals: TGoal[] = [];
  const at = (r: TDbResult, op: TOp, c: number) => r.phases[key(op, c)]!;
  const targets8: [TOp, number][] = [
    ["save", 1000],
    ["load latest", 3000],
    ["list versions", 3000],
    ["list page of 50", 1500],
  ];
  for (const [op, min] of targets8) {
    const p = at(sqlite, op, 8);
    goals.push({ goal: `SQLite ${op}, 8 in flight: >= ${min}/s`, measured: `${f0(p.opsPerSecond)}/s`, ok: p.opsPerSecond >= min });
    goals.push({ goal: `SQLite ${op}, 8 in flight: p99 <= 25 ms`, measured: `${f2(p.p99)} ms`, ok: p.p99 <= 25 });
  }
  goals.push({
    goal: "SQLite save, 1 in flight: p50 <= 3 ms",
    measured: `${f2(at(sqlite, "save", 1).p50)} ms`,
    ok: at(sqlite, "save", 1).p50 <= 3,
  });
  goals.push({
    goal: "SQLite load latest, 1 in flight: p50 <= 1 ms",
    measured: `${f2(at(sqlite, "load latest", 1).p50)} ms`,
    ok: at(sqlite, "load latest", 1).p50 <= 1,
  });
  if (postgres) {
    for (const op of OPS) {
      for (const c of CONCURRENCIES) {
        const share = at(postgres, op, c).opsPerSecond / at(sqlite, op, c).opsPerSecond;
        goals.push({
          goal: `PostgreSQL ${op}, ${c} in flight: >= 70% of SQLite ops/s`,
          measured: `${(share * 100).toFixed(0)}%`,
          ok: share >= 0.7,
        });
      }
    }
    const share = sqlite.list!.seconds / postgres.list!.seconds;
    goals.push({
      goal: `PostgreSQL listing ${LIST_COUNT} names: >= 70% of SQLite speed`,
      measured: `${(share * 100).toFixed(0)}%`,
      ok: share >= 0.7,
    });
  } else {
    goals.push({ goal: "PostgreSQL: each figure >= 70% of SQLite", measured: "not measured", ok: false });
  }
  const dbs: [string, TDbResult][] = [["SQLite", sqlite], ...(postgres ? [["PostgreSQL", postgres] as [string, TDbResult]] : [])];
  for (const [label, r] of dbs) {
    const save = at(r, "save", 8).opsPerSecond / adkOf("save", 8)!.opsPerSecond;
    const load = at(r, "load latest", 8).opsPerSecond / adkOf("load latest", 8)!.opsPerSecond;
    const list = adk.list.seconds / r.list!.seconds;
    goals.push({ goal: `${label} save, 8 in flight: >= 1x ADK in-process`, measured: ratio(save), ok: save >= 1 });
    goals.push({ goal: `${label} load latest, 8 in flight: >= 2x ADK in-process`, measured: ratio(load), ok: load >= 2 });
    goals.push({
      goal: `${label} listing ${LIST_COUNT} names: >= 20x faster than ADK listArtifactKeys`,
      measured: ratio(list),
      ok: list >= 20,
    });
  }
  console.log("\ngoals");
  console.log(
    table(
      ["goal", "measured", "result"],
      goals.map((g) => [g.goal, g.measured, g.ok ? "OK" : "MISSED"]),
    ),
  );
  const allOk = goals.every((g) => g.ok);
  const totalSeconds = (Date.now() - started) / 1000;
  console.log(`\ngoals: ${allOk ? "all met" : "NOT all met"} (bench took ${totalSeconds.toFixed(0)} s)`);

  if (process.env.BENCH_JSON_OUT) {
    writeFileSync(
      process.env.BENCH_JSON_OUT,
      JSON.stringify(
        {
          bench: "small-ops",
          config: { bodyBytes: BODY_BYTES, names: NAMES, seconds: SECONDS, warmupMs: WARMUP_MS, runs: RUNS, listCount: LIST_COUNT },
          adk,
          floor,
          sqlite,
          postgres: postgres ?? { skipped: postgresSkipped },
          goals,
          totalSeconds,
          allOk,
        },
        null,
        2,
      ),
    );
  }
  if (process.env.BENCH_STRICT === "1") {
    if (!postgres) process.exitCode = 1;
    else if (!allOk) process.exitCode = 3;
  }
}

runMain("small-ops bench", main, envInt("BENCH_TIMEOUT_S", 900));
