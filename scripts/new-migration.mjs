// Usage: node scripts/new-migration.mjs <name>
// Writes prisma/migrations/{sqlite,postgres}/<timestamp>_<name>/migration.sql from the difference
// between the last migrated schema snapshot and prisma/schema.prisma. `prisma migrate dev` cannot
// run here (shadow database through the adapter), and `migrate deploy` fails on PostgreSQL, so
// lib/db/migrate.ts applies these files itself for both databases.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
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

mkdirSync(join(root, "data"), { recursive: true });
for (const [dialect, schema] of [
  ["sqlite", "prisma/schema.prisma"],
  ["postgres", "prisma/postgres/schema.prisma"],
]) {
  const dir = join(root, "prisma/migrations", dialect);
  const snapshot = join(dir, "schema.snapshot.prisma");
  const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const sql = execFileSync(
    join(root, "node_modules/.bin/prisma"),
    ["migrate", "diff", ...from, "--to-schema-datamodel", join(root, schema), "--script"],
    // The diff needs no database, but the CLI wants an adapter it can open: a local SQLite file
    // works for both dialects (a PostgreSQL URL makes it fall back to downloading an engine).
    { cwd: root, env: { ...process.env, DATABASE_URL: "file:./data/generate.db" }, encoding: "utf8" },
  );
  const target = join(dir, `${stamp}_${name}`);
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, "migration.sql"), sql);
  copyFileSync(join(root, schema), snapshot);
  console.log(`wrote ${target}/migration.sql`);
}
