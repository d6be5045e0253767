import path from "node:path";
import { defineConfig } from "vitest/config";

// Integration tests: the built server (`next start`), real HTTP, SQLite or PostgreSQL.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "test/support/empty-module.ts"),
    },
  },
  test: {
    include: ["test/integration/**/*.test.ts"],
    globalSetup: ["test/integration/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
