// Listing latency on a namespace of 100,000 artifacts: over HTTP (the Next.js route) and in-process
// (listArtifacts alone), for the first page, a page deep in the list, and filtered lists.
//
//   flock /tmp/stowage-build.lock node --import ./scripts/register-hooks.mjs bench/list-artifacts.bench.ts
//
// Env: BENCH_ARTIFACTS (100000), BENCH_ITERATIONS (200 requests per case over HTTP),
// BENCH_INPROCESS_ITERATIONS (100 listArtifacts calls per case), BENCH_CASE_BUDGET_S (10: a slow case
// stops early, after at least 5 samples), BENCH_DEEP_PAGES (1000 pages followed by cursor),
// BENCH_TMPDIR, BENCH_TIMEOUT_S (600), BENCH_STRICT=1 (exit 3 when a goal is missed), BENCH_PLANS=1
// (print every case's query plans, not only the slow ones), BENCH_JSON_OUT (results as JSON).
// See bench/README.md.
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { bootstrapAdmin } from "../lib/admin/bootstrap-admin.ts";
import type { TPrincipal } from "../lib/access/principal.ts";
import { listArtifacts, type TListFilter } from "../lib/artifacts/list-artifacts.ts";
import { createDb, type Db } from "../lib/db/client.ts";
import { migrateDatabase } from "../lib/db/migrate.ts";
import { newId } from "../lib/ids.ts";
import { encodeCursor } from "../lib/pagination.ts";
import { assertBuilt, envInt, machineInfo, makeTempDir, MiB, ROOT, runMain, summarize, table, yieldToEventLoop } from "./support/common.ts";
import { jsonClient } from "./support/http-client.ts";
import { newAdminKey, startStowage } from "./support/servers.ts";

const GOAL_MS = 20;
const LIMIT = 50;
const NAMESPACE = "agent:admin";
const DIRS = ["reports", "logs", "models", "datasets", "eval"] as const;
const BATCH = 2000;

/** Artifact i (0 = oldest): one second apart, so ids (time-ordered) sort exactly by i. */
const nameOf = (i: number) => `${DIRS[i % DIRS.length]}/item-${String(i).padStart(6, "0")}.json`;
const tagsOf = (i: number) => [`shard-${i % 20}`, ...(i % 10 === 0 ? ["common"] : []), ...(i % 1000 === 0 ? ["rare"] : [])];

type TCase = { name: string; filter: Omit<TListFilter, "namespace" | "limit">; expected: (n: number) => number };

async function seed(db: Db, namespaceId: string, createdById: string, count: number): Promise<string[]> {
  const base = Date.now() - count * 1000 - 60_000;
  const ids: string[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const artifacts = [];
    const versions = [];
    const tags = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const at = base + i * 1000;
      const id = newId(at);
      const versionId = newId(at);
      const name = nameOf(i);
      ids.push(id);
      artifacts.push({
        id,
        namespaceId,
        sessionKey: "",
        name,
        createdById,
        createdAt: new Date(at),
        updatedAt: new Date(at),
        latestVersion: 0,
        nextVersion: 1,
      });
      versions.push({
        id: versionId,
        artifactId: id,
        version: 0,
        filename: name.slice(name.lastIndexOf("/") + 1),
        mimeType: "application/json",
        sizeBytes: BigInt(1000 + i),
        sha256: createHash("sha256").update(name).digest("hex"),
        createdById,
        createdAt: new Date(at),
        backend: "fs",
        storageKey: `v1/${namespaceId}/${versionId}`,
      });
      for (const tag of tagsOf(i)) tags.push({ artifactId: id, tag });
    }
    await db.artifact.createMany({ data: artifacts });
    await db.artifactVersion.createMany({ data: versions });
    await db.artifactTag.createMany({ data: tags });
    await yieldToEventLoop();
  }
  return ids;
}

/** Prisma's SQL without the column lists and with `IN (?,?,…)` shortened, for reading. */
function compactSql(sql: string): string {
  return sql
    .replace(/`main`\./g, "")
    .replace(/^SELECT .*? FROM/, "SELECT … FROM")
    .replace(/\((\?,)+\?\)/g, (m) => `(?×${m.split("?").length - 1})`)
    .replace(
      /(\(\(`\w+`\.`\w+` = \? AND `\w+`\.`\w+` = \?\)( OR )?)+/,
      (m) => `${m.slice(0, m.indexOf(")") + 1)} OR …×${m.split(" OR ").length})`,
    );
}

/** EXPLAIN QUERY PLAN lines with repeats (one per OR branch) folded into one line. */
function compactPlan(lines: string[]): string {
  const out: { line: string; n: number }[] = [];
  for (const line of lines) {
    if (/^INDEX \d+$/.test(line)) continue;
    const last = out[out.length - 1];
    if (last && last.line === line) last.n++;
    else out.push({ line, n: 1 });
  }
  return out.map((o) => `      ${o.line}${o.n > 1 ? ` (×${o.n})` : ""}`).join("\n");
}

/** The SQL Prisma runs for one listArtifacts call, with SQLite's plan for each statement. */
async function explainCase(url: string, file: string, principal: TPrincipal, filter: TListFilter): Promise<string[]> {
  const queries: { sql: string; params: unknown[] }[] = [];
  const client = createDb(url, {
    onQuery: (e) => {
      let params: unknown[] = [];
      try {
        params = JSON.parse(e.params) as unknown[];
      } catch {
        // leave empty: the plan is then printed without it
      }
      queries.push({ sql: e.query, params });
    },
  });
  try {
    await listArtifacts(client, principal, filter);
  } finally {
    await client.$disconnect();
  }
  const sqlite = new Database(file, { readonly: true });
  try {
    // The same statement run again (a loop reading on) is shown once, with a count.
    const unique = new Map<string, { sql: string; params: unknown[]; n: number }>();
    for (const q of queries.filter((x) => /^\s*SELECT/i.test(x.sql))) {
      const seen = unique.get(q.sql);
      if (seen) seen.n++;
      else unique.set(q.sql, { ...q, n: 1 });
    }
    return [...unique.values()].map((q) => {
      let plan: string;
      try {
        const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.params as never[])) as { detail: string }[];
        plan = compactPlan(rows.map((r) => r.detail));
      } catch (error) {
        plan = `      (no plan: ${(error as Error).message})`;
      }
      return `    ${compactSql(q.sql)}${q.n > 1 ? `   [run ${q.n} times]` : ""}\n${plan}`;
    });
  } finally {
    sqlite.close();
  }
}

async function main() {
  assertBuilt();
  process.chdir(ROOT); // migrateDatabase reads prisma/migrations relative to the working directory
  const count = envInt("BENCH_ARTIFACTS", 100_000);
  const iterations = envInt("BENCH_ITERATIONS", 200);
  // The query alone varies less than HTTP round trips: fewer samples keep the (locked) run short.
  const inProcessIterations = envInt("BENCH_INPROCESS_ITERATIONS", 100);
  // A slow case stops after this long (but with at least 5 samples), so the run stays bounded.
  const caseBudgetMs = envInt("BENCH_CASE_BUDGET_S", 10) * 1000;
  const deepPages = Math.min(envInt("BENCH_DEEP_PAGES", 1000), Math.floor((count - 1) / LIMIT));
  const tmp = makeTempDir("stowage-bench-list-", 512 * MiB);
  const dataDir = path.join(tmp, "data");
  const file = path.join(dataDir, "stowage.db");
  const url = `file:${file}`;
  const adminKey = newAdminKey();
  console.log(`list-artifacts bench: ${count} artifacts in ${NAMESPACE}, ${iterations} requests per case, in ${tmp}`);
  console.log(`machine: ${machineInfo()}`);

  // ---- seed ------------------------------------------------------------------------------
  let t0 = Date.now();
  await migrateDatabase(url);
  const db = createDb(url);
  await bootstrapAdmin(db, adminKey, () => undefined);
  const admin = await db.identity.findUniqueOrThrow({ where: { name: "admin" } });
  const ns = await db.namespace.findUniqueOrThrow({ where: { name: NAMESPACE } });
  const ids = await seed(db, ns.id, admin.id, count);
  const seeded = await db.artifact.count({ where: { namespaceId: ns.id } });
  if (seeded !== count) throw new Error(`seeded ${seeded} artifacts, expected ${count}`);
  console.log(
    `seeded ${count} artifacts, ${count} versions and ${await db.artifactTag.count()} tags in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );

  const deepIndex = count - deepPages * LIMIT; // newest first: the deep page starts just below ids[deepIndex]
  const deepCursor = encodeCursor(ids[deepIndex]!);
  const countWhere = (pred: (i: number) => boolean, below = count) => {
    let n = 0;
    for (let i = 0; i < below; i++) if (pred(i)) n++;
    return Math.min(LIMIT, n);
  };
  const cases: TCase[] = [
    { name: "first page", filter: {}, expected: () => LIMIT },
    { name: `deep page (page ${deepPages + 1}, cursor)`, filter: { cursor: deepCursor }, expected: () => Math.min(LIMIT, deepIndex) },
    { name: "tag=common (10%)", filter: { tag: "common" }, expected: () => countWhere((i) => i % 10 === 0) },
    { name: "tag=rare (0.1%)", filter: { tag: "rare" }, expected: () => countWhere((i) => i % 1000 === 0) },
    {
      name: "tag=rare, deep (cursor)",
      filter: { tag: "rare", cursor: deepCursor },
      expected: () => countWhere((i) => i % 1000 === 0, deepIndex),
    },
    { name: "name=eval/ (20%)", filter: { namePrefix: "eval/" }, expected: () => countWhere((i) => nameOf(i).startsWith("eval/")) },
    {
      name: "name=eval/item-0123 (20 hits)",
      filter: { namePrefix: "eval/item-0123" },
      expected: () => countWhere((i) => nameOf(i).startsWith("eval/item-0123")),
    },
    { name: "name=nomatch/ (0 hits)", filter: { namePrefix: "nomatch/" }, expected: () => 0 },
    // LIKE is case-insensitive on SQLite and treats _ as a wildcard: these match rows in SQL that are then dropped.
    {
      name: "name=EVAL/ (0 hits, LIKE matches 20%)",
      filter: { namePrefix: "EVAL/" },
      expected: () => countWhere((i) => nameOf(i).startsWith("EVAL/")),
    },
    {
      name: "name=eval/item_0123 (0 hits, LIKE 20)",
      filter: { namePrefix: "eval/item_0123" },
      expected: () => countWhere((i) => nameOf(i).startsWith("eval/item_0123")),
    },
  ];

  // ---- in-process: the query alone ---------------------------------------------------------
  const principal: TPrincipal = { identityId: admin.id, name: "admin", isAdmin: true, groupIds: [] };
  // Warm-up (JIT, Prisma's query cache) before anything is measured.
  for (const c of cases) {
    const until = Date.now() + 3000;
    for (let i = 0; i < 30 && Date.now() < until; i++) {
      await listArtifacts(db, principal, { namespace: NAMESPACE, limit: LIMIT, ...c.filter });
      await yieldToEventLoop();
    }
  }
  const inProcess = new Map<string, ReturnType<typeof summarize>>();
  const plans = new Map<string, string[]>();
  for (const c of cases) {
    const filter: TListFilter = { namespace: NAMESPACE, limit: LIMIT, ...c.filter };
    const timings: number[] = [];
    const deadline = Date.now() + caseBudgetMs;
    for (let i = 0; i < inProcessIterations + 5 && (i < 10 || Date.now() < deadline); i++) {
      const started = process.hrtime.bigint();
      const result = await listArtifacts(db, principal, filter);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      await yieldToEventLoop();
      if (result.artifacts.length !== c.expected(count))
        throw new Error(`${c.name}: in-process list returned ${result.artifacts.length} artifacts, expected ${c.expected(count)}`);
      if (i >= 5) timings.push(ms);
    }
    inProcess.set(c.name, summarize(timings));
    plans.set(c.name, await explainCase(url, file, principal, filter));
  }
  await db.$disconnect();

  // ---- over HTTP ---------------------------------------------------------------------------
  const server = await startStowage(dataDir, adminKey);
  const client = jsonClient(server.baseUrl, { Authorization: `Bearer ${adminKey}` });
  const query = (filter: TCase["filter"]) => {
    const q = new URLSearchParams({ namespace: NAMESPACE, limit: String(LIMIT) });
    if (filter.tag) q.set("tag", filter.tag);
    if (filter.namePrefix) q.set("name", filter.namePrefix);
    if (filter.cursor) q.set("cursor", filter.cursor);
    return `/api/v1/artifacts?${q}`;
  };
  type TPage = { artifacts: { id: string }[]; nextCursor: string | null };
  const getPage = async (path: string) => {
    const r = await client.get(path);
    if (r.status !== 200) throw new Error(`GET ${path} answered ${r.status}: ${JSON.stringify(r.body).slice(0, 500)}`);
    return { ms: r.ms, page: r.body as TPage };
  };
  for (let i = 0; i < 20; i++) await getPage(query({}));

  // Follow cursors deep into the list: every page full, ids strictly decreasing, no gaps.
  t0 = Date.now();
  const walk: number[] = [];
  let cursor: string | null = null;
  let expectedIndex = count - 1;
  for (let page = 0; page < deepPages; page++) {
    const { ms, page: body } = await getPage(query(cursor ? { cursor } : {}));
    walk.push(ms);
    for (const a of body.artifacts) {
      if (a.id !== ids[expectedIndex])
        throw new Error(
          `cursor walk: page ${page + 1} returned ${a.id} where ${ids[expectedIndex]} (artifact ${expectedIndex}) was expected`,
        );
      expectedIndex--;
    }
    if (!body.nextCursor) throw new Error(`cursor walk ended early at page ${page + 1}`);
    cursor = body.nextCursor;
  }
  if (cursor !== deepCursor) throw new Error(`after ${deepPages} pages the cursor is ${cursor}, expected ${deepCursor}`);
  const walkStats = summarize(walk);
  console.log(
    `followed ${deepPages} pages by cursor in ${((Date.now() - t0) / 1000).toFixed(1)} s (p50 ${walkStats.p50.toFixed(1)} ms, p95 ${walkStats.p95.toFixed(1)} ms per page)`,
  );

  const overHttp = new Map<string, ReturnType<typeof summarize>>();
  for (const c of cases) {
    const timings: number[] = [];
    const deadline = Date.now() + caseBudgetMs;
    for (let i = 0; i < iterations + 5 && (i < 10 || Date.now() < deadline); i++) {
      const { ms, page } = await getPage(query(c.filter));
      if (page.artifacts.length !== c.expected(count))
        throw new Error(`${c.name}: GET returned ${page.artifacts.length} artifacts, expected ${c.expected(count)}`);
      if (i >= 5) timings.push(ms);
    }
    overHttp.set(c.name, summarize(timings));
  }
  client.close();
  await server.stop();

  // ---- report ----------------------------------------------------------------------------
  const f = (v: number) => v.toFixed(1);
  const rows = cases.map((c) => {
    const h = overHttp.get(c.name)!;
    const q = inProcess.get(c.name)!;
    return [c.name, c.expected(count), h.n, f(h.p50), f(h.p95), f(h.max), f(q.p50), f(q.p95), h.p95 <= GOAL_MS ? "ok" : "MISSED"];
  });
  console.log(
    `\nGET /api/v1/artifacts?namespace=${NAMESPACE}&limit=${LIMIT} on ${count} artifacts, ${iterations} sequential requests per case (keep-alive)`,
  );
  console.log(
    table(["case", "rows", "n", "HTTP p50 ms", "p95", "max", "in-process p50 ms", "p95", `goal: HTTP p95 <= ${GOAL_MS} ms`], rows),
  );
  console.log(
    "rows = artifacts on the page; n = HTTP samples (a slow case stops after BENCH_CASE_BUDGET_S); in-process = listArtifacts() alone, no HTTP, no auth",
  );
  console.log(`cursor walk over ${deepPages} pages: p50 ${f(walkStats.p50)} ms, p95 ${f(walkStats.p95)} ms, max ${f(walkStats.max)} ms`);
  const slow = cases.filter((c) => overHttp.get(c.name)!.p95 > GOAL_MS || inProcess.get(c.name)!.p50 > GOAL_MS / 2);
  for (const c of slow) {
    console.log(`\nquery plan for "${c.name}" (in-process p50 ${f(inProcess.get(c.name)!.p50)} ms):\n${plans.get(c.name)!.join("\n")}`);
  }
  if (process.env.BENCH_PLANS === "1") {
    for (const c of cases.filter((x) => !slow.includes(x))) console.log(`\nquery plan for "${c.name}":\n${plans.get(c.name)!.join("\n")}`);
  }
  const allOk = cases.every((c) => overHttp.get(c.name)!.p95 <= GOAL_MS);
  console.log(`\ngoals: ${allOk ? "all met" : "NOT all met"}`);
  if (process.env.BENCH_JSON_OUT) {
    writeFileSync(
      process.env.BENCH_JSON_OUT,
      JSON.stringify(
        {
          bench: "list-artifacts",
          count,
          iterations,
          deepPages,
          cases: cases.map((c) => ({
            name: c.name,
            rows: c.expected(count),
            http: overHttp.get(c.name),
            inProcess: inProcess.get(c.name),
          })),
          walk: walkStats,
          goalMs: GOAL_MS,
          allOk,
        },
        null,
        2,
      ),
    );
  }
  if (!allOk && process.env.BENCH_STRICT === "1") process.exitCode = 3;
}

runMain("list-artifacts bench", main, envInt("BENCH_TIMEOUT_S", 600));
