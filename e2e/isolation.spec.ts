import { expect, test, type Page } from "@playwright/test";
import { apiAs, createUser, publish, signIn, uniq } from "./support/helpers";

/** The page must be the 404 page, with nothing of the other namespace in it. */
async function expectNotFound(page: Page, url: string, secrets: string[]) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" }), url).toBeVisible();
  const text = await page.locator("body").innerText();
  for (const secret of secrets) expect(text, url).not.toContain(secret);
}

test("a user of another namespace sees none of it: lists, pages, search, previews, bytes, uploads", async ({ browser }) => {
  const api = await apiAs();
  const alice = await createUser(api, uniq("alice"));
  const bob = await createUser(api, uniq("bob"));
  const aliceApi = await apiAs(alice.key);
  const runId = uniq("secret-run");
  const sessionId = uniq("secret-session");
  const name = `${uniq("secret-report")}.md`;
  const published = await publish(aliceApi, {
    namespace: alice.namespace,
    name,
    body: "# private findings",
    contentType: "text/markdown",
    runId,
    sessionId,
    tags: ["confidential"],
    metadata: { project: "zebra" },
  });
  const secrets = [runId, sessionId, name, "private findings", alice.namespace];

  // Where alice's pages are, found the way she would find them.
  const alicePage = await (await browser.newContext()).newPage();
  await signIn(alicePage, alice);
  await alicePage.goto("/runs");
  await alicePage.getByRole("link", { name: runId, exact: true }).click();
  await expect(alicePage.getByRole("link", { name, exact: true })).toBeVisible();
  const runUrl = alicePage.url();
  await alicePage.getByRole("link", { name, exact: true }).click();
  await expect(alicePage.getByText("private findings")).toBeVisible();
  const artifactUrl = alicePage.url();
  await alicePage.goto("/sessions");
  await alicePage.getByRole("link", { name: sessionId, exact: true }).click();
  await expect(alicePage.getByRole("link", { name, exact: true })).toBeVisible();
  const sessionUrl = alicePage.url();

  const page = await (await browser.newContext()).newPage();
  await signIn(page, bob);
  // Lists and search say nothing about her.
  for (const url of [
    "/runs",
    "/sessions",
    "/namespaces",
    "/shared",
    `/search?q=${encodeURIComponent(name)}`,
    "/search?tag=confidential",
    "/search?meta=project%3Dzebra",
  ]) {
    await page.goto(url);
    const text = await page.locator("main").innerText();
    for (const secret of secrets) expect(text, url).not.toContain(secret);
  }
  await page.goto("/upload");
  await expect(page.locator(`option[value="${alice.namespace}"]`)).toHaveCount(0);

  // Her pages are 404s, exactly like pages that never existed.
  for (const url of [
    runUrl,
    sessionUrl,
    artifactUrl,
    `${artifactUrl.split("?")[0]}/compare?a=0&b=0`,
    `/namespaces/${encodeURIComponent(alice.namespace)}`,
  ]) {
    await expectNotFound(page, url, secrets);
  }
  await expectNotFound(page, "/artifacts/00nonexistent000000000000000", []);

  // The API with bob's cookie: no bytes, no metadata, no upload into her namespace.
  const id = published.artifact.id;
  for (const path of [`/api/v1/artifacts/${id}`, `/api/v1/artifacts/${id}/content`, `/api/v1/artifacts/${id}/versions`]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  const upload = await page.request.post(`/api/v1/artifacts?namespace=${encodeURIComponent(alice.namespace)}&name=planted.txt`, {
    data: "planted",
    headers: { "Content-Type": "text/plain", "X-Stowage-CSRF": "1" },
  });
  expect(upload.status()).toBe(403);
  const del = await page.request.delete(`/api/v1/artifacts/${id}`, { headers: { "X-Stowage-CSRF": "1" } });
  expect(del.status()).toBe(404);
  expect((await aliceApi.get(`/api/v1/artifacts/${id}`)).status()).toBe(200);
  // Nothing planted.
  const list = await (await aliceApi.get(`/api/v1/artifacts?namespace=${encodeURIComponent(alice.namespace)}`)).json();
  expect(list.artifacts.map((a: { name: string }) => a.name)).toEqual([name]);
});
