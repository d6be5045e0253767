import { defineConfig } from "vitest/config";
import { resolve } from "./vitest.config.ts";

// Scale-out tests: three production servers (`npm start`) on one PostgreSQL database and one S3
// bucket, driven in parallel over real HTTP. Files run one after another: several of them stop,
// kill and restart instances.
export default defineConfig({
  resolve,
  test: {
    include: ["test/scaleout/**/*.test.ts"],
    globalSetup: ["test/scaleout/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: 1,
    fileParallelism: false,
  },
});
