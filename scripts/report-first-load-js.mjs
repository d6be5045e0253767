// Usage: node scripts/report-first-load-js.mjs [distDir]   (after `next build`)
// Prints the JavaScript each page route loads on its first visit, raw and gzipped: the
// framework's root chunks plus every chunk its layouts and page need. `next build` with
// Turbopack no longer prints this table, so it is computed from the build's manifests.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

const dist = path.resolve(process.argv[2] ?? process.env.NEXT_DIST_DIR ?? ".next");
const build = JSON.parse(readFileSync(path.join(dist, "build-manifest.json"), "utf8"));
const sizes = new Map();
function sizeOf(file) {
  if (!sizes.has(file)) {
    const bytes = readFileSync(path.join(dist, file));
    sizes.set(file, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return sizes.get(file);
}

function* manifests(dir) {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) yield* manifests(full);
    else if (entry === "page_client-reference-manifest.js") yield full;
  }
}

const rows = [];
for (const file of manifests(path.join(dist, "server/app"))) {
  const sandbox = { globalThis: {} };
  sandbox.globalThis = sandbox;
  vm.runInNewContext(readFileSync(file, "utf8"), sandbox);
  for (const [key, manifest] of Object.entries(sandbox.__RSC_MANIFEST)) {
    const route = key.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/";
    if (route.startsWith("/_")) continue;
    const files = new Set(build.rootMainFiles);
    for (const chunks of Object.values(manifest.entryJSFiles ?? {})) for (const chunk of chunks) files.add(chunk);
    let raw = 0;
    let gzip = 0;
    for (const chunk of files) {
      const s = sizeOf(chunk);
      raw += s.raw;
      gzip += s.gzip;
    }
    rows.push({ route, raw, gzip });
  }
}
rows.sort((a, b) => a.route.localeCompare(b.route));
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
console.log("First-load JS per page route (framework + layouts + page), from", path.relative(process.cwd(), dist) || ".");
console.log(`${"route".padEnd(40)} ${"gzip".padStart(10)} ${"raw".padStart(10)}`);
for (const r of rows) console.log(`${r.route.padEnd(40)} ${kb(r.gzip).padStart(10)} ${kb(r.raw).padStart(10)}`);
