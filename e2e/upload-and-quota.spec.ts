import { createHash } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { admin, apiAs, createUser, expectNoHorizontalOverflow, keepScreenshot, publish, signIn, uniq } from "./support/helpers";

type TArtifactList = {
  artifacts: { id: string; name: string; latestVersion: number; latest: { sizeBytes: number; version: number; sha256: string } }[];
};

const listArtifacts = async (api: APIRequestContext, namespace: string) => {
  const res = await api.get(`/api/v1/artifacts?${new URLSearchParams({ namespace, limit: "100" })}`);
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as TArtifactList).artifacts;
};

/** Drops files on the drop zone as a person dragging them from the desktop would. */
async function dropFiles(page: Page, files: { name: string; size: number; type?: string }[]) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.size).fill(120)], f.name, { type: f.type ?? "text/plain" }));
    return dt;
  }, files);
  const zone = page.getByTestId("drop-zone");
  await zone.dispatchEvent("dragenter", { dataTransfer });
  await zone.dispatchEvent("dragover", { dataTransfer });
  await zone.dispatchEvent("drop", { dataTransfer });
}

const item = (page: Page, name: string) => page.getByTestId("upload-item").filter({ hasText: name });

async function setQuota(api: APIRequestContext, namespace: string, quotaBytes: number | null) {
  const res = await api.patch(`/api/v1/namespaces/${encodeURIComponent(namespace)}`, { data: { quotaBytes } });
  expect(res.ok(), await res.text()).toBe(true);
}

test("uploads by drag and drop and by the file picker, with progress, versions and size refusals", async ({ page }, testInfo) => {
  const api = await apiAs();
  const user = await createUser(api);
  const userApi = await apiAs(user.key);
  await signIn(page, user, "/upload");
  await expect(page.getByRole("heading", { name: "Upload", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Namespace")).toHaveValue(user.namespace);

  await dropFiles(page, [
    { name: "notes.txt", size: 1500 },
    { name: "weights.bin", size: 3 * 1024 * 1024, type: "application/octet-stream" },
  ]);
  await expect(page.getByTestId("upload-item")).toHaveCount(2);
  // The artifact name defaults to the file's name and can be changed before sending.
  await item(page, "weights.bin")
    .getByLabel(/Artifact name/)
    .fill("models/weights.bin");
  await page.getByLabel("Session id (optional)").fill("sess-1");
  await page.getByLabel("Tags (optional)").fill("e2e, upload");
  await page.getByRole("button", { name: "Upload 2 files" }).click();

  for (const name of ["notes.txt", "models/weights.bin"]) {
    const row = item(page, name);
    await expect(row).toHaveAttribute("data-status", "done");
    await expect(row.getByTestId("upload-percent")).toHaveText("100%");
    await expect(row.getByRole("progressbar")).toHaveAttribute("value", "100");
    await expect(row.getByTestId("upload-result")).toContainText("v0 published");
  }
  const link = item(page, "models/weights.bin").getByRole("link", { name: /Open models\/weights\.bin/ });
  const stored = await listArtifacts(userApi, user.namespace);
  const weights = stored.find((a) => a.name === "models/weights.bin");
  expect(weights?.latest.sizeBytes).toBe(3 * 1024 * 1024);
  await expect(link).toHaveAttribute("href", `/artifacts/${weights!.id}`);
  expect(stored.find((a) => a.name === "notes.txt")?.latest.sizeBytes).toBe(1500);
  const detail = await (await userApi.get(`/api/v1/artifacts/${weights!.id}`)).json();
  expect(detail.artifact).toMatchObject({ sessionId: "sess-1", tags: ["e2e", "upload"] });
  await keepScreenshot(page, testInfo, "upload-1280");

  // The picker (the input behind "Choose files"): the same name again is the next version.
  await page.getByRole("button", { name: "Clear finished" }).click();
  await expect(page.getByTestId("upload-item")).toHaveCount(0);
  await page.getByLabel("Choose files").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("second version") });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(item(page, "notes.txt").getByTestId("upload-result")).toContainText("v1 published");

  // Over ARTIFACT_MAX_SIZE_MB (50 MB in the test server): sent as a direct upload in parts.
  await page.getByRole("button", { name: "Clear finished" }).click();
  const bigSize = 51 * 1024 * 1024;
  await dropFiles(page, [{ name: "big.bin", size: bigSize }]);
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(item(page, "big.bin").getByTestId("upload-result")).toContainText("v0 published", { timeout: 60_000 });
  const big = (await listArtifacts(userApi, user.namespace)).find((a) => a.name === "big.bin");
  expect(big?.latest.sizeBytes).toBe(bigSize);
  expect(big?.latest.sha256).toBe(createHash("sha256").update(Buffer.alloc(bigSize, 120)).digest("hex"));
  const uploads = (await (await api.get(`/api/v1/audit?action=upload.complete&actor=${user.name}`)).json()).events;
  expect(uploads).toHaveLength(1);

  // Over ARTIFACT_DIRECT_UPLOAD_MAX_SIZE_MB (200 MB in the test server): refused in the browser, nothing sent.
  await dropFiles(page, [{ name: "huge.bin", size: 201 * 1024 * 1024 }]);
  const huge = item(page, "huge.bin");
  await expect(huge).toHaveAttribute("data-status", "refused");
  await expect(huge.getByTestId("upload-error")).toContainText("Too large: 201 MB; the server accepts files up to 200 MB");
  await expect(page.getByRole("button", { name: "Upload", exact: true })).toBeDisabled();
  expect((await listArtifacts(userApi, user.namespace)).map((a) => a.name).sort()).toEqual(["big.bin", "models/weights.bin", "notes.txt"]);

  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalOverflow(page);
  await keepScreenshot(page, testInfo, "upload-375");
});

test("an upload can be cancelled while it is sending, and nothing is stored", async ({ page }, testInfo) => {
  const api = await apiAs();
  const user = await createUser(api);
  await signIn(page, user, "/upload");
  // A slow uplink, so the upload is still running when Cancel is pressed.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
  await dropFiles(page, [{ name: "slow.bin", size: 8 * 1024 * 1024 }]);
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  const row = item(page, "slow.bin");
  await expect(row).toHaveAttribute("data-status", "uploading");
  // The bar follows the bytes sent.
  await expect(row.getByTestId("upload-percent")).not.toHaveText("0%");
  const sent = Number(await row.getByRole("progressbar").getAttribute("value"));
  expect(sent).toBeGreaterThan(0);
  expect(sent).toBeLessThan(100);
  await keepScreenshot(page, testInfo, "upload-in-progress-1280");
  await row.getByRole("button", { name: "Cancel upload of slow.bin" }).click();
  await expect(row).toHaveAttribute("data-status", "cancelled");
  await expect(row).toContainText("Cancelled. Nothing was stored.");

  // A file sent in parts (over 50 MB): cancelling aborts the parts and discards the upload, so
  // its quota hold is released at once, not when the upload would have expired.
  await dropFiles(page, [{ name: "slow-big.bin", size: 52 * 1024 * 1024 }]);
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  const bigRow = item(page, "slow-big.bin");
  await expect(bigRow.getByTestId("upload-percent")).not.toHaveText("0%");
  const usageUrl = `/api/v1/namespaces/${encodeURIComponent(user.namespace)}/usage`;
  expect((await (await api.get(usageUrl)).json()).reservedBytes).toBe(52 * 1024 * 1024);
  await bigRow.getByRole("button", { name: "Cancel upload of slow-big.bin" }).click();
  await expect(bigRow).toHaveAttribute("data-status", "cancelled");
  await expect.poll(async () => (await (await api.get(usageUrl)).json()).reservedBytes).toBe(0);

  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  expect(await listArtifacts(await apiAs(user.key), user.namespace)).toEqual([]);
  const usage = await (await api.get(usageUrl)).json();
  expect(usage.usedBytes).toBe(0);
});

test("an upload past the namespace's quota shows the numbers and stores nothing", async ({ page }) => {
  const api = await apiAs();
  const user = await createUser(api);
  const team = `team:${uniq("tiny")}`;
  expect((await api.post("/api/v1/namespaces", { data: { name: team } })).status()).toBe(201);
  expect(
    (
      await api.post(`/api/v1/namespaces/${encodeURIComponent(team)}/grants`, { data: { identity: user.name, permission: "write" } })
    ).status(),
  ).toBe(201);
  await setQuota(api, team, 1000);

  await signIn(page, user, `/upload?namespace=${encodeURIComponent(team)}`);
  await expect(page.getByLabel("Namespace")).toHaveValue(team);
  await page.getByLabel("Choose files").setInputFiles({ name: "big.txt", mimeType: "text/plain", buffer: Buffer.alloc(2048, "y") });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  const row = item(page, "big.txt");
  await expect(row).toHaveAttribute("data-status", "failed");
  await expect(row.getByTestId("upload-error")).toHaveText(
    `Quota exceeded: this file needs 2.0 KB, but ${team} has 1000 B left (0 B used of 1000 B).`,
  );

  expect(await listArtifacts(api, team)).toEqual([]);
  const usage = await (await api.get(`/api/v1/namespaces/${encodeURIComponent(team)}/usage`)).json();
  expect(usage).toMatchObject({ usedBytes: 0, reservedBytes: 0, artifactCount: 0 });
});

test("namespaces show usage against the quota, the largest artifacts and the chart; only admins edit the quota", async ({
  page,
}, testInfo) => {
  const api = await apiAs();
  const user = await createUser(api);
  const userApi = await apiAs(user.key);
  const team = `team:${uniq("full")}`;
  expect((await api.post("/api/v1/namespaces", { data: { name: team } })).status()).toBe(201);
  expect(
    (
      await api.post(`/api/v1/namespaces/${encodeURIComponent(team)}/grants`, { data: { identity: user.name, permission: "read" } })
    ).status(),
  ).toBe(201);
  await setQuota(api, team, 1000);
  // Admins pass the quota, so the team namespace can be over it.
  await publish(api, { namespace: team, name: "too-much.bin", body: Buffer.alloc(1500, 1) });

  await setQuota(api, user.namespace, 2048);
  await publish(userApi, { namespace: user.namespace, name: "a.txt", body: "x".repeat(300) });
  await publish(userApi, { namespace: user.namespace, name: "a.txt", body: "x".repeat(300) });
  await publish(userApi, { namespace: user.namespace, name: "b.txt", body: "x".repeat(900) });
  await publish(userApi, { namespace: user.namespace, name: "c.txt", body: "x".repeat(36) });

  await signIn(page, user, "/namespaces");
  const mine = page.locator(`[data-namespace="${user.namespace}"]`);
  await expect(mine.getByTestId("usage-text")).toHaveText("1.5 KB of 2.0 KB (75%)");
  await expect(mine.getByTestId("usage-bar")).toHaveAttribute("data-level", "ok");
  await expect(mine.getByRole("meter")).toHaveAttribute("aria-valuenow", "1536");
  await expect(mine.getByTestId("namespace-counts")).toHaveText("3 artifacts · 4 versions");
  const over = page.locator(`[data-namespace="${team}"]`);
  await expect(over.getByTestId("usage-bar")).toHaveAttribute("data-level", "over");
  await expect(over.getByTestId("usage-text")).toContainText("1.5 KB of 1000 B (150%)");
  await expect(page.getByTestId("namespace-card")).toHaveCount(2);
  await keepScreenshot(page, testInfo, "namespaces-1280");
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalOverflow(page);
  await keepScreenshot(page, testInfo, "namespaces-375");
  await page.setViewportSize({ width: 1280, height: 800 });

  await mine.getByRole("link", { name: user.namespace }).click();
  await expect(page).toHaveURL(`/namespaces/${encodeURIComponent(user.namespace)}`);
  await expect(page.getByRole("heading", { name: user.namespace, level: 1 })).toBeVisible();
  const rows = page.getByTestId("largest-artifacts").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText("b.txt");
  await expect(rows.nth(0)).toContainText("900 B");
  await expect(rows.nth(1)).toContainText("a.txt");
  await expect(rows.nth(1)).toContainText("600 B");
  await expect(rows.nth(2)).toContainText("c.txt");
  const today = new Date().toISOString().slice(0, 10);
  await expect(
    page.getByRole("img", { name: new RegExp(`^Storage used by ${user.namespace} over the last 30 days: .*1\\.5 KB on ${today}`) }),
  ).toBeVisible();
  await expect(page.getByTestId("usage-chart").locator("tbody tr")).toHaveCount(30);
  await page.getByRole("link", { name: "90 days" }).click();
  await expect(page.getByTestId("usage-chart").locator("tbody tr")).toHaveCount(90);
  // A reader sees the settings but cannot change them.
  await expect(page.getByTestId("settings-readonly")).toContainText("2.0 KB");
  await expect(page.getByRole("textbox", { name: "Quota (MB)" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
  await keepScreenshot(page, testInfo, "namespace-detail-1280");
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalOverflow(page);
  await keepScreenshot(page, testInfo, "namespace-detail-375");

  // Another user's namespace is not found, whether or not it exists.
  await page.goto(`/namespaces/${encodeURIComponent(`agent:${uniq("nobody")}`)}`);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();

  // The admin edits the quota: bad values are explained, good ones saved.
  await page.context().clearCookies();
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, admin, `/namespaces/${encodeURIComponent(user.namespace)}`);
  const quota = page.getByRole("textbox", { name: "Quota (MB)" });
  const retention = page.getByRole("textbox", { name: "Retention (days)" });
  await expect(quota).toHaveValue("0.002");
  await quota.fill("lots");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText('Enter a number of MB (0 or more), or "default".')).toBeVisible();
  await expect(quota).toHaveAttribute("aria-invalid", "true");
  await quota.fill("5");
  await retention.fill("99999");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(/retentionDays must be a whole number from 1 to 36500/)).toBeVisible();
  await expect(retention).toHaveAttribute("aria-invalid", "true");
  await retention.fill("default");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByTestId("usage-text").first()).toHaveText("1.5 KB of 5.0 MB (<0.1%)");
  const saved = await (await api.get(`/api/v1/namespaces/${encodeURIComponent(user.namespace)}`)).json();
  expect(saved).toMatchObject({ quotaBytes: 5 * 1024 * 1024, quotaOverride: true, retentionDays: null });
  await page.reload();
  await expect(quota).toHaveValue("5");
  await keepScreenshot(page, testInfo, "namespace-detail-admin-1280");
});
