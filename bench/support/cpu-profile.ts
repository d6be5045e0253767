// Where a server's CPU goes: a V8 .cpuprofile (written by `node --cpu-prof`) reduced to the
// share of busy samples per part of the stack. Native and built-in frames without a script
// (better-sqlite3's statement calls, JSON.parse, Buffer ops) count for the nearest caller that
// has one, so "SQLite driver" includes the C++ it calls into.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

type TNode = { id: number; callFrame: { functionName: string; url: string }; children?: number[] };
type TProfile = { nodes: TNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/** The parts, first match wins; the order puts the narrower patterns first. */
const PARTS: [string, RegExp][] = [
  ["Prisma client (generated + runtime)", /lib\/db\/generated\/|@prisma\/client\//],
  ["Prisma driver adapter", /@prisma\/adapter-|@prisma\/driver-adapter-utils/],
  // The statement cache calls SQLite's run/all itself, so the native time lands on its frames.
  ["SQLite driver (better-sqlite3 + native)", /better-sqlite3|lib[/_]db[/_]sqlite-(statement-cache|adapter|isolation)/],
  ["PostgreSQL driver (pg)", /node_modules\/pg(-[a-z]+)?\//],
  ["Next.js", /node_modules\/next\/|\.next\/server\//],
  ["Stowage lib/ and server", /\/lib\/|\/scripts\//],
  ["other packages", /node_modules\//],
  ["Node: http / net", /^node:(_http|http|net|_stream_wrap|dns)/],
  ["Node: streams / buffers / events", /^node:(internal\/streams|stream|buffer|events|internal\/webstreams)/],
  ["Node: fs", /^node:(fs|internal\/fs)/],
  ["Node: async hooks / timers / other", /^node:/],
];
const SPECIAL: Record<string, string> = {
  "(garbage collector)": "garbage collector",
  "(program)": "V8 / native, no script",
  "(idle)": "idle",
  "(root)": "V8 / native, no script",
};

export type TCpuBreakdown = {
  busyMs: number;
  idleMs: number;
  parts: { part: string; ms: number; share: number }[];
  /** The functions with the most self time (where a part's time is actually spent). */
  top: { fn: string; part: string; ms: number }[];
};

/** Every .cpuprofile in `dir`: one per thread of the profiled process. */
export function readProfileDir(dir: string): TProfile[] {
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  if (files.length === 0) throw new Error(`no .cpuprofile in ${dir}`);
  return files.map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as TProfile);
}

/**
 * The main thread's breakdown: the busiest profile. Requests are served on the main thread; the
 * others (the module-loader hooks' thread) mostly idle.
 */
export function mainThreadBreakdown(profiles: TProfile[], fromUs = 0): TCpuBreakdown {
  return profiles.map((p) => breakdown(p, fromUs)).reduce((a, b) => (b.busyMs > a.busyMs ? b : a));
}

/** Samples from `fromUs` on (V8's clock: CLOCK_MONOTONIC in µs, as process.hrtime). */
export function breakdown(profile: TProfile, fromUs = 0): TCpuBreakdown {
  const byId = new Map<number, TNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const partOf = new Map<number, string>();
  const classify = (id: number): string => {
    const known = partOf.get(id);
    if (known) return known;
    const { functionName, url } = byId.get(id)!.callFrame;
    let part: string | undefined = !url ? SPECIAL[functionName] : undefined;
    if (!part && url) part = PARTS.find(([, re]) => re.test(url))?.[0] ?? "other scripts";
    if (!part) {
      const up = parent.get(id);
      part = up === undefined ? "V8 / native, no script" : classify(up);
    }
    partOf.set(id, part);
    return part;
  };
  const ms = new Map<string, number>();
  const selfMs = new Map<string, { part: string; ms: number }>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const deltaUs = profile.timeDeltas[i] ?? 0;
    at += deltaUs;
    if (at < fromUs) return;
    const part = classify(id);
    const dt = deltaUs / 1000;
    ms.set(part, (ms.get(part) ?? 0) + dt);
    if (part === "idle") return;
    const { functionName, url } = byId.get(id)!.callFrame;
    const fn = `${functionName || "(anonymous)"} ${url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(lib|scripts|\.next)\//, "$1/")}`;
    const entry = selfMs.get(fn) ?? { part, ms: 0 };
    entry.ms += dt;
    selfMs.set(fn, entry);
  });
  const idleMs = ms.get("idle") ?? 0;
  ms.delete("idle");
  const busyMs = [...ms.values()].reduce((a, b) => a + b, 0);
  const parts = [...ms.entries()].map(([part, v]) => ({ part, ms: v, share: busyMs ? v / busyMs : 0 })).sort((a, b) => b.ms - a.ms);
  const top = [...selfMs.entries()]
    .map(([fn, v]) => ({ fn, ...v }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 12);
  return { busyMs, idleMs, parts, top };
}
