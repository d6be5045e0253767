import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// The built app exactly as `npm start` runs it, on a fresh embedded store (or on the database
// E2E_DATABASE_URL names: give each run a fresh one, e.g. on the test PostgreSQL cluster). Set
// once here and inherited by the workers, so every worker talks to the same server.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), "stowage-e2e-"));
process.env.E2E_PORT ??= "3297";
process.env.E2E_ADMIN_KEY ??= "stw_e2e_admin_key_0123456789abcdef";
process.env.E2E_ADMIN_EMAIL ??= "admin@e2e.test";
process.env.E2E_ADMIN_PASSWORD ??= "e2e-admin-password-42";
process.env.E2E_OIDC_PORT ??= String(Number(process.env.E2E_PORT) + 1000);
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;
const oidcIssuer = `http://127.0.0.1:${process.env.E2E_OIDC_PORT}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results/e2e",
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  reporter: [["list"], ["json", { outputFile: process.env.E2E_JSON_OUT ?? "test-results/e2e.json" }]],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: nothing is downloaded (see ../shared/STACK.md).
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      // A real (minimal) OpenID Connect provider, so single sign-on is tested end to end.
      command: "node e2e/support/oidc-provider.mjs",
      url: `${oidcIssuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 10_000,
    },
    {
      command: "npm start",
      url: `${baseURL}/api/v1/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: process.env.E2E_PORT,
        STOWAGE_DATA_DIR: process.env.E2E_DATA_DIR,
        STOWAGE_ADMIN_KEY: process.env.E2E_ADMIN_KEY,
        STOWAGE_ADMIN_EMAIL: process.env.E2E_ADMIN_EMAIL,
        STOWAGE_ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD,
        ARTIFACT_DIRECT_UPLOAD_MAX_SIZE_MB: "200",
        // The embedded default (whatever the calling shell has set) unless E2E_DATABASE_URL names one.
        DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
        S3_BUCKET: "",
        STOWAGE_STORAGE_BACKEND: "",
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? "",
        OIDC_ISSUER: oidcIssuer,
        OIDC_CLIENT_ID: "stowage-e2e",
        OIDC_CLIENT_SECRET: "stowage-e2e-secret",
        OIDC_NAME: "Test SSO",
      },
    },
  ],
});
