import path from "node:path";
import { defineConfig } from "vitest/config";

export const resolve = {
  alias: {
    "@": path.resolve(import.meta.dirname),
    // Outside Next's server bundle, `server-only` would throw on import.
    "server-only": path.resolve(import.meta.dirname, "test/support/empty-module.ts"),
  },
};

// Unit tests: domain services against a real SQLite file, the storage conformance suite.
export default defineConfig({
  resolve,
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/integration/**", "test/scaleout/**", "node_modules/**"],
    testTimeout: 30_000,
  },
});
