import { expect, request as playwrightRequest, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";

export const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;
export const admin = { email: process.env.E2E_ADMIN_EMAIL!, password: process.env.E2E_ADMIN_PASSWORD!, key: process.env.E2E_ADMIN_KEY! };

/** A name no other test (or earlier run against the same server) has used. */
export const uniq = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The HTTP API as an API-key holder (the admin's key by default): how tests set up data. */
export async function apiAs(key = admin.key): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${key}` } });
}

async function ok<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  if (!response.ok()) throw new Error(`${response.url()} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** A human who signs in to the dashboard, with an API key of their own. */
export async function createUser(api: APIRequestContext, name = uniq("user"), options: { isAdmin?: boolean } = {}) {
  const email = `${name}@e2e.test`;
  const password = `${name}-password`;
  await ok(await api.post("/api/v1/identities", { data: { name, kind: "human", email, password, isAdmin: options.isAdmin ?? false } }));
  const created = await ok<{ key: { key: string } }>(await api.post(`/api/v1/identities/${name}/keys`, { data: { label: "e2e" } }));
  return { name, email, password, key: created.key.key, namespace: `agent:${name}` };
}

export type TPublish = {
  namespace: string;
  name: string;
  body: string | Buffer;
  contentType?: string;
  runId?: string;
  sessionId?: string;
  tags?: string[];
  metadata?: Record<string, unknown>;
};

/** Publishes one version through the API, as an agent would. */
export async function publish(api: APIRequestContext, input: TPublish) {
  const params = new URLSearchParams({ namespace: input.namespace, name: input.name });
  if (input.runId) params.set("runId", input.runId);
  if (input.sessionId) params.set("sessionId", input.sessionId);
  if (input.tags) params.set("tags", input.tags.join(","));
  if (input.metadata) params.set("metadata", JSON.stringify(input.metadata));
  return ok<{ artifact: { id: string; name: string }; version: { version: number } }>(
    await api.post(`/api/v1/artifacts?${params}`, { data: input.body, headers: { "Content-Type": input.contentType ?? "text/plain" } }),
  );
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, user: { email: string; password: string }, callbackUrl = "/runs") {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname === callbackUrl.split("?")[0]);
}

/** Nothing overflows sideways (phones). */
export async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** A full-page screenshot kept as a test artifact (test-results/e2e and the report). */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}
