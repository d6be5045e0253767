// Used by the Prisma CLI only (generate, migrate diff). The WASM schema engine ("js") is
// bundled with the CLI; the native one would have to be downloaded, which is not possible here.
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

const url = process.env.DATABASE_URL ?? "file:./data/stowage.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return url.startsWith("postgres") ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url });
  },
});
