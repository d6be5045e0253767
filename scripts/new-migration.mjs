// Usage: node scripts/new-migration.mjs <name>
// Writes prisma/migrations/{sqlite,postgres}/<timestamp>_<name>/migration.sql from the difference
// between the last migrated schema snapshot and prisma/schema.prisma. `prisma migrate dev` cannot
// run here (shadow database through the adapter), and `migrate deploy` fails on PostgreSQL, so
// lib/db/migrate.ts applies these files itself for both databases.
//
// The app's Prisma 7 CLI cannot diff without its native schema engine (a download). Prisma
// 6.19's CLI diffs with a WASM engine it bundles, so this script installs that CLI once into
// node_modules/.cache/prisma-6-diff (from the npm registry) and runs it there, apart from the app.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writePostgresSchema } from "./generate-prisma.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: node scripts/new-migration.mjs <snake_case_name>");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
writePostgresSchema();

const tool = join(root, "node_modules/.cache/prisma-6-diff");
const cli = join(tool, "node_modules/prisma/build/index.js");
if (!existsSync(cli)) {
  mkdirSync(tool, { recursive: true });
  writeFileSync(join(tool, "package.json"), JSON.stringify({ private: true, type: "module" }));
  console.log("installing the Prisma 6.19 CLI for migrate diff (once)…");
  execFileSync("npm", ["install", "--no-save", "--no-audit", "--no-fund", "prisma@6.19.3", "@prisma/adapter-better-sqlite3@6.19.3"], {
    cwd: tool,
    stdio: "inherit",
  });
}
// The 6.19 CLI wants a config naming its WASM engine and an adapter it can open (a scratch
// SQLite file serves both dialects: the diff reads only the two schema files).
writeFileSync(
  join(tool, "prisma.config.mjs"),
  `import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "./to.prisma",
  async adapter() { return new PrismaBetterSQLite3({ url: "file:./scratch.db" }); },
});
`,
);
/**
 * Prisma 6 still wants the datasource url (Prisma 7 takes it from the config) and
 * `engineType = "client"` (without it, it downloads a native query engine).
 */
function asPrisma6(schema, out) {
  let source = readFileSync(schema, "utf8");
  if (!/datasource db \{[^}]*\burl\s*=/.test(source)) {
    source = source.replace(/(datasource db \{\n)/, '$1  url = env("DATABASE_URL")\n');
  }
  if (!/generator client \{[^}]*\bengineType\s*=/.test(source)) {
    source = source.replace(/(generator client \{\n)/, '$1  engineType = "client"\n');
  }
  writeFileSync(out, source);
  return out;
}

// The CLI checks for native engines on start and downloads the missing ones; the WASM diff never
// runs them, so any existing file stands in.
const noEngineDownloads = { PRISMA_QUERY_ENGINE_LIBRARY: process.execPath, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath };
mkdirSync(join(root, "data"), { recursive: true });
for (const [dialect, schema] of [
  ["sqlite", "prisma/schema.prisma"],
  ["postgres", "prisma/postgres/schema.prisma"],
]) {
  const dir = join(root, "prisma/migrations", dialect);
  const snapshot = join(dir, "schema.snapshot.prisma");
  const from = existsSync(snapshot) ? ["--from-schema-datamodel", asPrisma6(snapshot, join(tool, "from.prisma"))] : ["--from-empty"];
  const to = asPrisma6(join(root, schema), join(tool, "to.prisma"));
  const sql = execFileSync(
    process.execPath,
    [cli, "migrate", "diff", "--config", join(tool, "prisma.config.mjs"), ...from, "--to-schema-datamodel", to, "--script"],
    { cwd: tool, env: { ...process.env, DATABASE_URL: "file:./scratch.db", ...noEngineDownloads }, encoding: "utf8" },
  );
  if (!/^\s*[A-Z]/m.test(sql.replace(/^--.*$/gm, ""))) {
    console.log(`${dialect}: the schema matches the last migration; nothing written`);
    continue;
  }
  const target = join(dir, `${stamp}_${name}`);
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, "migration.sql"), sql);
  copyFileSync(join(root, schema), snapshot);
  console.log(`wrote ${target}/migration.sql`);
}
