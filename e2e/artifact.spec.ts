import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { apiAs, createUser, expectNoHorizontalOverflow, keepScreenshot, publish, signIn, uniq } from "./support/helpers";
import { tinyPng } from "./support/png";

// The artifact page: previews by type, version history, compare, share links and delete.

const TEXT_V0 = "alpha\nbeta\ngamma\n";
const TEXT_V1 = "alpha\nBETA\ngamma\ndelta\n";
const MARKDOWN = [
  "# Release notes",
  "",
  "Some **bold** text and a [safe link](https://example.com/docs) and a [bad link](javascript:window.__pwned=3).",
  "",
  "<script>window.__pwned = 1; alert('script ran')</script>",
  "",
  '<img src="x" onerror="window.__pwned = 2; alert(\'onerror ran\')">',
].join("\n");
const CSV = 'name,score\nada,10\n"lovelace, a",20\n';
const JSON_DOC = { model: { name: "m1", layers: [11, 22, 33] }, ok: true };

type TUser = Awaited<ReturnType<typeof createUser>>;

let admin: APIRequestContext;
let user: TUser;
let asUser: APIRequestContext;
const ids: Record<string, string> = {};
const sessionId = uniq("sess");
const runV0 = uniq("run-a");
const runV1 = uniq("run-b");

test.beforeAll(async () => {
  admin = await apiAs();
  user = await createUser(admin);
  asUser = await apiAs(user.key);
  const ns = user.namespace;
  ids.text = (await publish(asUser, { namespace: ns, name: "notes/log.txt", body: TEXT_V0, runId: runV0, sessionId })).artifact.id;
  await publish(asUser, {
    namespace: ns,
    name: "notes/log.txt",
    body: TEXT_V1,
    runId: runV1,
    sessionId,
    tags: ["e2e", "notes"],
    metadata: { stage: "draft", score: 0.9 },
  });
  await asUser.patch(`/api/v1/artifacts/${ids.text}`, { data: { tags: ["e2e", "notes"] } });
  ids.md = (await publish(asUser, { namespace: ns, name: "notes.md", body: MARKDOWN, contentType: "text/markdown" })).artifact.id;
  ids.csv = (await publish(asUser, { namespace: ns, name: "scores.csv", body: CSV, contentType: "text/csv" })).artifact.id;
  ids.json = (
    await publish(asUser, { namespace: ns, name: "config.json", body: JSON.stringify(JSON_DOC), contentType: "application/json" })
  ).artifact.id;
  ids.png = (await publish(asUser, { namespace: ns, name: "pixel.png", body: tinyPng(6, 4), contentType: "image/png" })).artifact.id;
});

test.afterAll(async () => {
  await asUser?.dispose();
  await admin?.dispose();
});

/** Fails the test if the page ever opens a JavaScript dialog (alert, confirm, prompt). */
function forbidDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on("dialog", (dialog) => {
    seen.push(dialog.message());
    void dialog.dismiss();
  });
  return seen;
}

test("text artifact: header, preview, history, version switch and download of an old version", async ({ page }, testInfo) => {
  await signIn(page, user, `/artifacts/${ids.text}`);
  await expect(page.getByRole("heading", { level: 1, name: "notes/log.txt" })).toBeVisible();
  await expect(page.getByText(`${user.namespace} · 2 versions · latest v1`)).toBeVisible();
  await expect(page.getByRole("link", { name: sessionId })).toHaveAttribute("href", /^\/sessions\//);
  await expect(page.getByTestId("artifact-tags").getByRole("listitem")).toHaveText(["e2e", "notes"]);
  await expect(page.getByTestId("custom-metadata")).toContainText("stage");
  await expect(page.getByTestId("custom-metadata")).toContainText("draft");
  await expect(page.getByTestId("text-preview")).toHaveText(TEXT_V1);

  const history = page.getByTestId("version-history");
  await expect(history.locator("tbody tr")).toHaveCount(2);
  await expect(page.getByTestId("version-row-1")).toContainText(user.name);
  await expect(page.getByTestId("version-row-1").getByRole("link", { name: runV1 })).toHaveAttribute("href", /^\/runs\//);
  await expect(page.getByTestId("version-row-0").getByRole("link", { name: runV0 })).toBeVisible();
  const sha0 = page.getByTestId("version-row-0").locator("code");
  await expect(sha0).toHaveAttribute("title", /^[0-9a-f]{64}$/);

  // Download of v0 gives v0's bytes (with the signed-in cookie, as the browser would).
  const href = await page.getByTestId("version-row-0").getByRole("link", { name: "Download version 0" }).getAttribute("href");
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(await download.text()).toBe(TEXT_V0);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment/);

  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoHorizontalOverflow(page);
    await keepScreenshot(page, testInfo, `artifact-text-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // Selecting v0 switches the preview.
  await page.getByRole("link", { name: "v0", exact: true }).click();
  await expect(page).toHaveURL(/version=0/);
  await expect(page.getByTestId("text-preview")).toHaveText(TEXT_V0);
  await expect(page.getByRole("heading", { name: /^Version 0/ })).toBeVisible();
  await expect(page.getByTestId("version-row-0")).toHaveAttribute("aria-current", "true");
});

test("tags can be edited by the owner", async ({ page }) => {
  await signIn(page, user, `/artifacts/${ids.csv}`);
  await page.getByRole("button", { name: "Edit tags" }).click();
  await page.getByLabel("Tags, separated by commas").fill("reviewed, q1");
  await page.getByRole("button", { name: "Save tags" }).click();
  await expect(page.getByTestId("artifact-tags").getByRole("listitem")).toHaveText(["q1", "reviewed"]);
  const res = await asUser.get(`/api/v1/artifacts/${ids.csv}`);
  expect((await res.json()).artifact.tags).toEqual(["q1", "reviewed"]);

  // An expiry, when set, is shown.
  await expect(page.getByText("Expires", { exact: true })).toHaveCount(0);
  const patched = await asUser.patch(`/api/v1/artifacts/${ids.csv}`, { data: { expiresAt: "2099-01-02T03:04:00Z" } });
  expect(patched.ok()).toBe(true);
  await page.reload();
  await expect(page.getByText("Expires", { exact: true })).toBeVisible();
  await expect(page.getByText("2099-01-02 03:04 UTC")).toBeVisible();
});

test("a long history is paged, newest first, and keeps its page while another version is shown", async ({ page }) => {
  const name = uniq("many");
  let id = "";
  for (let i = 0; i < 22; i++) id = (await publish(asUser, { namespace: user.namespace, name, body: `body ${i}\n` })).artifact.id;
  await signIn(page, user, `/artifacts/${id}`);
  const rows = page.getByTestId("version-history").locator("tbody tr");
  await expect(rows).toHaveCount(20);
  await expect(rows.first()).toHaveAttribute("data-testid", "version-row-21");
  await page.getByRole("link", { name: "Older versions" }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute("data-testid", "version-row-1");
  await page.getByRole("link", { name: "v0", exact: true }).click();
  await expect(page.getByTestId("text-preview")).toHaveText("body 0\n");
  await expect(rows).toHaveCount(2);
  await page.getByRole("link", { name: "Newest versions" }).click();
  await expect(rows).toHaveCount(20);
  await expect(page.getByTestId("text-preview")).toHaveText("body 0\n");
});

test("markdown is rendered as text: no script runs, no element is injected, only safe links", async ({ page }, testInfo) => {
  const dialogs = forbidDialogs(page);
  await signIn(page, user, `/artifacts/${ids.md}`);
  const preview = page.getByTestId("markdown-preview");
  await expect(preview.getByRole("heading", { name: "Release notes" })).toBeVisible();
  await expect(preview.locator("strong")).toHaveText("bold");
  await expect(preview).toContainText("<script>window.__pwned = 1; alert('script ran')</script>");
  await expect(preview).toContainText('<img src="x" onerror=');
  expect(await preview.locator("script, img, iframe, object, embed").count()).toBe(0);
  const safe = preview.getByRole("link", { name: "safe link" });
  await expect(safe).toHaveAttribute("href", "https://example.com/docs");
  await expect(safe).toHaveAttribute("rel", "noopener noreferrer nofollow");
  // The javascript: link keeps its text but is not a link.
  await expect(preview.getByRole("link", { name: "bad link" })).toHaveCount(0);
  await expect(preview).toContainText("bad link");
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await keepScreenshot(page, testInfo, "artifact-markdown-1280");
});

test("CSV shows as a table, JSON as a tree that folds by keyboard, PNG as a loaded image", async ({ page }, testInfo) => {
  await signIn(page, user, `/artifacts/${ids.csv}`);
  const table = page.getByTestId("csv-preview");
  await expect(table.getByRole("columnheader")).toHaveText(["name", "score"]);
  await expect(table.getByRole("cell", { name: "lovelace, a" })).toBeVisible();
  await expect(table.getByRole("cell", { name: "20" })).toBeVisible();
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalOverflow(page);
  await keepScreenshot(page, testInfo, "artifact-csv-375");
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.goto(`/artifacts/${ids.json}`);
  const tree = page.getByTestId("json-tree");
  await expect(tree.getByText('"m1"')).toBeVisible();
  // The third level starts folded; Enter on its summary opens it, and again closes it.
  const layers = tree.locator("summary", { hasText: '"layers"' });
  await expect(tree.getByText("22", { exact: true })).toBeHidden();
  await layers.focus();
  await page.keyboard.press("Enter");
  await expect(tree.getByText("22", { exact: true })).toBeVisible();
  const model = tree.locator("summary", { hasText: '"model"' });
  await model.focus();
  await page.keyboard.press("Space");
  await expect(tree.getByText('"m1"')).toBeHidden();
  await page.keyboard.press("Enter");
  await expect(tree.getByText('"m1"')).toBeVisible();
  await keepScreenshot(page, testInfo, "artifact-json-1280");

  await page.goto(`/artifacts/${ids.png}`);
  const img = page.getByTestId("image-preview");
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(6);
  await keepScreenshot(page, testInfo, "artifact-image-1280");
});

test("a PDF shows in a frame of the content route; unknown types get only a download", async ({ page }) => {
  const pdf =
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
  const { artifact: doc } = await publish(asUser, {
    namespace: user.namespace,
    name: "paper.pdf",
    body: pdf,
    contentType: "application/pdf",
  });
  const { artifact: zip } = await publish(asUser, {
    namespace: user.namespace,
    name: "bundle.zip",
    body: Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]),
    contentType: "application/zip",
  });
  await signIn(page, user, `/artifacts/${doc.id}`);
  const frame = page.getByTitle("PDF preview of paper.pdf");
  await expect(frame).toHaveAttribute("src", `/api/v1/artifacts/${doc.id}/content?version=0`);
  // The content route (not Next.js) serves it: framable, typed, never sniffed.
  const res = await page.request.get(`/api/v1/artifacts/${doc.id}/content?version=0`);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  // Framable by our own pages only, like every response (one header policy).
  expect(res.headers()["x-frame-options"]).toBe("SAMEORIGIN");

  await page.goto(`/artifacts/${zip.id}`);
  await expect(page.getByTestId("preview")).toContainText("No preview for this type (application/zip).");
  await expect(page.getByTestId("preview").getByRole("link", { name: /^Download bundle\.zip/ })).toHaveAttribute(
    "href",
    `/api/v1/artifacts/${zip.id}/content?version=0&download=1`,
  );
});

test("compare v0 with v1 shows the changed lines, with signs and words", async ({ page }, testInfo) => {
  await signIn(page, user, `/artifacts/${ids.text}`);
  await page.getByRole("link", { name: "Compare versions" }).click();
  await expect(page).toHaveURL(new RegExp(`/artifacts/${ids.text}/compare`));
  await expect(page.getByLabel("Old version")).toHaveValue("0");
  await expect(page.getByLabel("New version")).toHaveValue("1");
  const diff = page.getByTestId("diff");
  await expect(diff.locator('tr[data-diff="del"]')).toHaveCount(1);
  await expect(diff.locator('tr[data-diff="del"]')).toContainText("Removed:beta");
  await expect(diff.locator('tr[data-diff="add"]')).toHaveCount(2);
  await expect(diff.locator('tr[data-diff="add"]').nth(0)).toContainText("Added:BETA");
  await expect(diff.locator('tr[data-diff="add"]').nth(1)).toContainText("delta");
  await expect(page.getByTestId("diff-summary")).toContainText("2 lines added, 1 removed from v0 to v1");
  await expect(page.getByTestId("compare-metadata").getByRole("row", { name: /SHA-256/ })).toContainText("differs");
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoHorizontalOverflow(page);
    await keepScreenshot(page, testInfo, `artifact-compare-${width}`);
  }

  // The pickers: v1 → v0 reverses the diff.
  await page.getByLabel("Old version").selectOption("1");
  await page.getByLabel("New version").selectOption("0");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/a=1&b=0/);
  await expect(page.getByTestId("diff").locator('tr[data-diff="del"]')).toHaveCount(2);

  // Images: side by side; other types: metadata only.
  await page.goto(`/artifacts/${ids.png}/compare?a=0&b=0`);
  await expect(page.getByTestId("diff-summary")).toHaveText("The same version is selected twice.");
});

test("share: a link made in the dialog works in a signed-out browser until revoked", async ({ page, browser, context }, testInfo) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, user, `/artifacts/${ids.text}`);
  const shareButton = page.getByRole("button", { name: "Share" });
  await shareButton.click();
  const dialog = page.getByRole("dialog", { name: "Share version 1" });
  await expect(dialog).toBeVisible();
  // Escape closes it and focus returns to the button that opened it.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(shareButton).toBeFocused();

  await shareButton.click();
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Link expires after").selectOption({ label: "1 day" });
  await dialog.getByRole("button", { name: "Create link" }).click();
  const urlField = dialog.getByTestId("share-url");
  await expect(urlField).toHaveValue(/\/api\/v1\/share\//);
  const url = await urlField.inputValue();
  await dialog.getByRole("button", { name: "Copy link" }).click();
  await expect(dialog.getByText("Copied")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await expect(dialog.getByTestId("share-links").getByRole("listitem")).toHaveCount(1);
  await expect(dialog.getByTestId("share-links")).toContainText("active");
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await keepScreenshot(page, testInfo, `artifact-share-dialog-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // A new browser context: no cookies, no key.
  const stranger = await browser.newContext();
  try {
    const anonymous = await stranger.newPage();
    const response = await anonymous.goto(url);
    expect(response!.status()).toBe(200);
    expect(await response!.text()).toBe(TEXT_V1);

    await dialog.getByRole("button", { name: /^Revoke/ }).click();
    await expect(dialog.getByTestId("share-links")).toContainText("revoked");
    const after = await stranger.request.get(url);
    expect(after.status()).toBe(403);
  } finally {
    await stranger.close();
  }
});

test("a large text file previews only its start and the page stays small", async ({ page }, testInfo) => {
  const line = "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz01234567\n";
  const big = line.repeat(Math.ceil((3 * 1024 * 1024) / line.length)).slice(0, 3 * 1024 * 1024);
  const { artifact } = await publish(asUser, { namespace: user.namespace, name: "big.log", body: big });
  await signIn(page, user, `/artifacts/${artifact.id}`);
  await expect(page.getByTestId("preview-notice")).toHaveText("Showing the first 256 KB of 3.0 MB. Download the file to see all of it.");
  const html = await (await page.request.get(`/artifacts/${artifact.id}`)).text();
  // The preview is 256 KiB, sent once as HTML and once in the React payload; never the 3 MB.
  expect(html.length).toBeLessThan(900_000);
  testInfo.annotations.push({ type: "html-bytes", description: String(html.length) });
  await expectNoHorizontalOverflow(page);
});

test("another user cannot see the artifact; it is a 404", async ({ page }) => {
  const other = await createUser(admin);
  await signIn(page, other, "/runs");
  expect((await page.goto(`/artifacts/${ids.text}`))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByText("notes/log.txt")).toHaveCount(0);
});

test("deleting one version, then the artifact after typing its name", async ({ page }) => {
  const name = uniq("doomed");
  const runId = uniq("run");
  const { artifact } = await publish(asUser, { namespace: user.namespace, name, body: "first", runId });
  await publish(asUser, { namespace: user.namespace, name, body: "second", runId });
  await signIn(page, user, `/artifacts/${artifact.id}`);

  await page.getByTestId("version-row-0").getByRole("button", { name: "Delete version 0" }).click();
  const versionDialog = page.getByRole("dialog", { name: "Delete version 0?" });
  await versionDialog.getByRole("button", { name: "Delete version 0" }).click();
  await expect(page.getByTestId("version-row-0")).toHaveCount(0);
  await expect(page.getByTestId("version-history").locator("tbody tr")).toHaveCount(1);

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByTestId("delete-artifact-dialog");
  await expect(dialog.getByRole("heading", { name: `Delete ${name}?` })).toBeVisible();
  const confirm = dialog.getByRole("button", { name: "Delete artifact" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${name} to confirm`).fill("wrong");
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
  await confirm.click();
  // Off to the run that published it.
  await page.waitForURL((url) => url.pathname.startsWith("/runs/"));

  await page.goto(`/artifacts/${artifact.id}`);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("a reader who is not the owner gets no delete or tag editing", async ({ page }) => {
  const reader = await createUser(admin);
  const shared = await asUser.post(`/api/v1/artifacts/${ids.json}/shares`, { data: { identity: reader.name } });
  expect(shared.ok(), await shared.text()).toBe(true);
  await signIn(page, reader, `/artifacts/${ids.json}`);
  await expect(page.getByRole("heading", { level: 1, name: "config.json" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Edit tags" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Share" })).toBeVisible();
});
