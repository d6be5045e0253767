import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startServer, type TStartedServer } from "../test/support/start-server";
import { keepScreenshot } from "./support/helpers";

// A second, fresh install started with only STOWAGE_ADMIN_KEY: nobody can sign in yet.
let server: TStartedServer;
let dataDir: string;
const adminKey = "stw_setup_e2e_admin_key_0123456789";

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "stowage-e2e-setup-"));
  server = await startServer({
    dataDir,
    databaseUrl: `file:${path.join(dataDir, "stowage.db")}`,
    adminKey,
    env: {
      STOWAGE_ADMIN_EMAIL: "",
      STOWAGE_ADMIN_PASSWORD: "",
      OIDC_ISSUER: "",
      OIDC_CLIENT_ID: "",
      OIDC_CLIENT_SECRET: "",
      S3_BUCKET: "",
      STOWAGE_STORAGE_BACKEND: "",
    },
  });
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test("first run: the setup page takes the admin key, then the admin signs in with the chosen password", async ({ page }, testInfo) => {
  await page.goto(`${server.baseUrl}/signin`);
  await page.getByRole("link", { name: "Set up the first admin" }).click();
  await expect(page.getByRole("heading", { name: "Set up Stowage" })).toBeVisible();
  await keepScreenshot(page, testInfo, "setup");

  // A wrong key is refused and nothing changes.
  await page.getByLabel("Admin API key").fill("stw_not_the_key_0123456789");
  await page.getByLabel("Email").fill("owner@example.test");
  await page.getByLabel("Password (10 characters or more)").fill("owner-password-1");
  await page.getByLabel("Password again").fill("owner-password-1");
  await page.getByRole("button", { name: "Create admin sign-in" }).click();
  await expect(page.getByTestId("error-notice")).toContainText("not an admin API key");

  await page.getByLabel("Admin API key").fill(adminKey);
  await page.getByRole("button", { name: "Create admin sign-in" }).click();
  await expect(page).toHaveURL(`${server.baseUrl}/runs`);
  await expect(page.getByTestId("viewer-name")).toHaveText("admin");

  // Closed for good; the password works for a new browser.
  await page.goto(`${server.baseUrl}/setup`);
  await expect(page.getByText("Setup is complete")).toBeVisible();
  await page.context().clearCookies();
  await page.goto(`${server.baseUrl}/signin`);
  await expect(page.getByRole("link", { name: "Set up the first admin" })).toHaveCount(0);
  await page.getByLabel("Email").fill("owner@example.test");
  await page.getByLabel("Password").fill("owner-password-1");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${server.baseUrl}/runs`);
});
