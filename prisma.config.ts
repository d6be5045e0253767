// Used by the Prisma CLI for `prisma generate` (scripts/generate-prisma.mjs). Migrations are
// plain SQL files that lib/db/migrate.ts applies itself; scripts/new-migration.mjs writes them.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/stowage.db" },
});
