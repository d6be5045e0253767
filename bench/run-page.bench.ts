// Time to first screen of the dashboard's run page for a run that published 1,000 artifacts: the
// server's answer (GET /runs/{key} with a session cookie) and, in Chromium, the time until the
// first artifact row is visible. Seeds through the HTTP API, signs in through the sign-in page.
//
//   NEXT_DIST_DIR=.next-runs flock /tmp/stowage-build.lock node --import ./scripts/register-hooks.mjs bench/run-page.bench.ts
//
// Env: BENCH_RUN_ARTIFACTS (1000 artifacts in the run), BENCH_OTHER_ARTIFACTS (1000 more in the same
// namespace, in another run, so the run is not the whole namespace), BENCH_SAMPLES (20 per case),
// NEXT_DIST_DIR (the build to run; .next by default), CHROMIUM_PATH (/usr/bin/chromium), BENCH_TMPDIR,
// BENCH_TIMEOUT_S (420), BENCH_STRICT=1 (exit 3 when the goal is missed), BENCH_JSON_OUT. See bench/README.md.
import { existsSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import Database from "better-sqlite3";
import { chromium } from "@playwright/test";
import type { TPrincipal } from "../lib/access/principal.ts";
import { getRunView } from "../lib/artifacts/get-run-view.ts";
import { createDb } from "../lib/db/client.ts";
import { envInt, machineInfo, makeTempDir, ROOT, runMain, summarize, table } from "./support/common.ts";
import { newAdminKey, startStowage } from "./support/servers.ts";

const GOAL_MS = 1000;
const NAMESPACE = "agent:admin";
const RUN = "bench-run";
const SESSION = "bench-session";
const PAGE_ROWS = 50;
const ADMIN_EMAIL = "bench-admin@bench.test";
const ADMIN_PASSWORD = "bench-admin-password-1";

/** Publishes `count` artifacts through the API, `concurrency` uploads at a time. */
async function seed(
  baseUrl: string,
  key: string,
  count: number,
  name: (i: number) => string,
  extra: Record<string, string>,
  concurrency = 4,
) {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const params = new URLSearchParams({
        namespace: NAMESPACE,
        name: name(i),
        ...extra,
        tags: `bench,shard-${i % 10}`,
        metadata: JSON.stringify({ i }),
      });
      const body = `artifact ${i}\n`.repeat(1 + (i % 20));
      const res = await fetch(`${baseUrl}/api/v1/artifacts?${params}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${key}`, "Content-Type": "text/plain" },
        body,
      });
      if (res.status !== 201) throw new Error(`upload ${i} answered ${res.status}: ${await res.text()}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** One GET on a fresh connection (as a first visit): time to the response head and to the last byte. */
function timedGet(url: string, cookie: string): Promise<{ status: number; ttfbMs: number; totalMs: number; body: string }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - started) / 1e6;
    const req = http.get(url, { agent: false, headers: { Cookie: cookie, Accept: "text/html" } });
    req.setTimeout(30_000, () => req.destroy(new Error(`GET ${url} timed out`)));
    req.once("response", (res) => {
      const ttfbMs = ms();
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.once("end", () => resolve({ status: res.statusCode ?? 0, ttfbMs, totalMs: ms(), body: Buffer.concat(chunks).toString("utf8") }));
      res.once("error", reject);
    });
    req.once("error", reject);
  });
}

const rowsIn = (html: string) => html.split('data-testid="artifact-row"').length - 1;

/** The SQL getRunView runs for the first page, with SQLite's plan for each statement. */
async function explainRunView(file: string, principal: TPrincipal, key: string): Promise<string> {
  const queries: { sql: string; params: unknown[] }[] = [];
  const client = createDb(`file:${file}`, { onQuery: (e) => queries.push({ sql: e.query, params: JSON.parse(e.params) as unknown[] }) });
  const times: number[] = [];
  try {
    // The first calls pay for Prisma's start-up and the JIT; the plans are those of the last call.
    for (let i = 0; i < 15; i++) {
      queries.length = 0;
      const started = process.hrtime.bigint();
      await getRunView(client, principal, key, { limit: PAGE_ROWS });
      if (i >= 5) times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  } finally {
    await client.$disconnect();
  }
  const inProcessMs = summarize(times).p50;
  const sqlite = new Database(file, { readonly: true });
  try {
    const lines = queries
      .filter((q) => /^\s*SELECT/i.test(q.sql))
      .map((q) => {
        const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.params as never[])) as { detail: string }[]).map(
          (r) => `      ${r.detail}`,
        );
        const sql = q.sql
          .replace(/`main`\./g, "")
          .replace(/^SELECT .*? FROM/, "SELECT … FROM")
          .replace(/\((\?,)+\?\)/g, (m) => `(?×${m.split("?").length - 1})`);
        return `    ${sql}\n${[...new Set(plan)].join("\n")}`;
      });
    return `getRunView, first page, in-process: p50 ${inProcessMs.toFixed(1)} ms of 10 calls (with query logging on), ${lines.length} statements\n${lines.join("\n")}`;
  } finally {
    sqlite.close();
  }
}

async function main() {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!existsSync(path.join(ROOT, distDir, "BUILD_ID")))
    throw new Error(`no production build in ${distDir}: run \`NEXT_DIST_DIR=${distDir} npx next build\` first`);
  process.chdir(ROOT);
  const runArtifacts = envInt("BENCH_RUN_ARTIFACTS", 1000);
  const otherArtifacts = envInt("BENCH_OTHER_ARTIFACTS", 1000, 0);
  const samples = envInt("BENCH_SAMPLES", 20);
  const tmp = makeTempDir("stowage-bench-run-page-");
  const dataDir = path.join(tmp, "data");
  const adminKey = newAdminKey();
  console.log(
    `run-page bench: a run with ${runArtifacts} artifacts (+${otherArtifacts} others in ${NAMESPACE}), ${samples} samples per case, build ${distDir}`,
  );
  console.log(`machine: ${machineInfo()}`);

  const server = await startStowage(dataDir, adminKey, {
    STOWAGE_ADMIN_EMAIL: ADMIN_EMAIL,
    STOWAGE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    NEXT_DIST_DIR: distDir,
  });
  const base = server.baseUrl;

  // ---- seed through the API, as agents publish ---------------------------------------------
  const t0 = Date.now();
  await seed(base, adminKey, otherArtifacts, (i) => `other/item-${String(i).padStart(5, "0")}.txt`, { runId: "other-run" });
  await seed(base, adminKey, runArtifacts, (i) => `outputs/item-${String(i).padStart(5, "0")}.txt`, { runId: RUN, sessionId: SESSION });
  // Every 10th artifact gets a second version from the same run (the page shows "also v0").
  await seed(base, adminKey, Math.ceil(runArtifacts / 10), (i) => `outputs/item-${String(i * 10).padStart(5, "0")}.txt`, {
    runId: RUN,
    sessionId: SESSION,
  });
  console.log(
    `seeded ${runArtifacts + otherArtifacts + Math.ceil(runArtifacts / 10)} uploads over HTTP in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  const runs = (await (
    await fetch(`${base}/api/v1/runs?namespace=${encodeURIComponent(NAMESPACE)}`, { headers: { Authorization: `Bearer ${adminKey}` } })
  ).json()) as { runs: { id: string; key: string; artifactCount: number }[] };
  const run = runs.runs.find((r) => r.id === RUN);
  if (!run || run.artifactCount !== runArtifacts)
    throw new Error(`the run lists ${run?.artifactCount} artifacts, expected ${runArtifacts}`);
  const url = `${base}/runs/${run.key}`;

  // ---- sign in as a person would -------------------------------------------------------------
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 } });
    const signin = await context.newPage();
    await signin.goto(`/signin?callbackUrl=${encodeURIComponent("/runs")}`);
    await signin.getByLabel("Email").fill(ADMIN_EMAIL);
    await signin.getByLabel("Password").fill(ADMIN_PASSWORD);
    await signin.getByRole("button", { name: "Sign in", exact: true }).click();
    await signin.waitForURL((u) => u.pathname === "/runs");
    await signin.close();
    const cookie = (await context.cookies(base)).map((c) => `${c.name}=${c.value}`).join("; ");

    // ---- server: the whole HTML of the first page, and of page 2 (cursor) ----------------------
    const first = await timedGet(url, cookie); // warm-up, and where page 2's link comes from
    if (first.status !== 200 || rowsIn(first.body) !== PAGE_ROWS)
      throw new Error(`GET ${url}: ${first.status}, ${rowsIn(first.body)} rows`);
    if (!first.body.includes(`${runArtifacts} artifacts published by this run`))
      throw new Error("the run page does not show the artifact count");
    const nextHref = /href="([^"]*cursor=[^"]*)"[^>]*rel="next"|rel="next"[^>]*href="([^"]*)"/.exec(first.body);
    const page2 = `${base}${(nextHref?.[1] ?? nextHref?.[2] ?? "").replace(/&amp;/g, "&")}`;
    if (!nextHref) throw new Error("the run page has no next-page link");
    const server: Record<string, { ttfb: number[]; total: number[] }> = {
      "first page": { ttfb: [], total: [] },
      "page 2 (cursor)": { ttfb: [], total: [] },
    };
    for (let i = 0; i < samples; i++) {
      for (const [name, target] of [
        ["first page", url],
        ["page 2 (cursor)", page2],
      ] as const) {
        const r = await timedGet(target, cookie);
        if (r.status !== 200 || rowsIn(r.body) !== PAGE_ROWS) throw new Error(`GET ${target}: ${r.status}, ${rowsIn(r.body)} rows`);
        server[name]!.ttfb.push(r.ttfbMs);
        server[name]!.total.push(r.totalMs);
      }
    }

    // ---- browser: navigation start until the first artifact row is visible ---------------------
    const browserMs: number[] = [];
    for (let i = 0; i < samples + 1; i++) {
      const page = await context.newPage();
      const started = process.hrtime.bigint();
      await page.goto(url, { waitUntil: "commit" });
      await page.getByTestId("artifact-row").first().waitFor({ state: "visible" });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const rows = await page.getByTestId("artifact-row").count();
      if (rows !== PAGE_ROWS) throw new Error(`the browser shows ${rows} rows, expected ${PAGE_ROWS}`);
      if (i > 0) browserMs.push(ms); // the first load compiles the page's scripts: a warm-up
      await page.close();
    }

    // ---- report ----------------------------------------------------------------------------------
    const s = (values: number[]) => summarize(values);
    const browserStats = s(browserMs);
    const serverFirst = s(server["first page"]!.total);
    const ok = browserStats.p95 < GOAL_MS && serverFirst.p95 < GOAL_MS;
    console.log(
      "\n" +
        table(
          ["case", "n", "p50 ms", "p95 ms", "max ms"],
          [
            ...Object.entries(server).flatMap(([name, v]) => [
              [
                `server ${name}: response head`,
                v.ttfb.length,
                s(v.ttfb).p50.toFixed(0),
                s(v.ttfb).p95.toFixed(0),
                s(v.ttfb).max.toFixed(0),
              ],
              [
                `server ${name}: whole HTML`,
                v.total.length,
                s(v.total).p50.toFixed(0),
                s(v.total).p95.toFixed(0),
                s(v.total).max.toFixed(0),
              ],
            ]),
            [
              "browser: first row visible",
              browserStats.n,
              browserStats.p50.toFixed(0),
              browserStats.p95.toFixed(0),
              browserStats.max.toFixed(0),
            ],
          ],
        ),
    );
    console.log(`\ngoal: first screen (server whole HTML and browser first row, p95) under ${GOAL_MS} ms: ${ok ? "ok" : "MISSED"}`);

    const db = new Database(path.join(dataDir, "stowage.db"), { readonly: true });
    const adminId = (db.prepare("SELECT id FROM Identity WHERE name = 'admin'").get() as { id: string }).id;
    db.close();
    console.log(
      `\n${await explainRunView(path.join(dataDir, "stowage.db"), { identityId: adminId, name: "admin", isAdmin: true, groupIds: [] }, run.key)}`,
    );

    if (process.env.BENCH_JSON_OUT) {
      writeFileSync(
        process.env.BENCH_JSON_OUT,
        JSON.stringify(
          {
            bench: "run-page",
            runArtifacts,
            otherArtifacts,
            samples,
            server: Object.fromEntries(Object.entries(server).map(([k, v]) => [k, { ttfb: s(v.ttfb), total: s(v.total) }])),
            browser: browserStats,
            goalMs: GOAL_MS,
            allOk: ok,
          },
          null,
          2,
        ),
      );
    }
    if (!ok && process.env.BENCH_STRICT === "1") process.exitCode = 3;
  } finally {
    await browser.close();
  }
}

runMain("run-page bench", main, envInt("BENCH_TIMEOUT_S", 420));
