// Generates both Prisma clients. SQLite and PostgreSQL are different Prisma providers, so the
// PostgreSQL schema is derived from prisma/schema.prisma rather than maintained by hand.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const sqliteSchema = join(root, "prisma/schema.prisma");
const postgresSchema = join(root, "prisma/postgres/schema.prisma");

export function derivePostgresSchema(source) {
  const out = source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output         = "../lib/db/generated/sqlite"', 'output         = "../../lib/db/generated/postgres"')
    .replace(
      /^\/\/ The SQLite schema[\s\S]*?\n\n/,
      "// Generated from prisma/schema.prisma by scripts/generate-prisma.mjs. Do not edit.\n\n",
    );
  if (!out.includes('"postgresql"') || !out.includes("generated/postgres")) {
    throw new Error("prisma/schema.prisma no longer has the provider/output lines this script rewrites");
  }
  return out;
}

export function writePostgresSchema() {
  mkdirSync(dirname(postgresSchema), { recursive: true });
  writeFileSync(postgresSchema, derivePostgresSchema(readFileSync(sqliteSchema, "utf8")));
}

function generate(schema, databaseUrl) {
  // generate never runs the schema engine, but without a binary to point at the CLI first tries
  // to download one (unreachable here): any existing executable will do.
  const engine = (process.env.PATH ?? "")
    .split(delimiter)
    .map((dir) => join(dir, "true"))
    .find((file) => existsSync(file));
  execFileSync(join(root, "node_modules/.bin/prisma"), ["generate", "--schema", schema], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? engine,
    },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writePostgresSchema();
  generate(sqliteSchema, "file:./data/generate.db");
  generate(postgresSchema, "postgresql://localhost:5432/generate");
}
