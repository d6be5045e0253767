import { defineConfig } from "vitest/config";
import { resolve } from "./vitest.config.ts";

// Integration tests: the built server (`npm start`), real HTTP, SQLite or PostgreSQL.
export default defineConfig({
  resolve,
  test: {
    include: ["test/integration/**/*.test.ts"],
    globalSetup: ["test/integration/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
