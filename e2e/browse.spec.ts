import { expect, test, type Page } from "@playwright/test";
import { apiAs, createUser, expectNoHorizontalOverflow, keepScreenshot, publish, signIn, uniq } from "./support/helpers";

// A normal user publishes with their own key, as an agent would, then browses what they published.
test("runs, run page, session roll-up and search show what a user's agents published", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const admin = await apiAs();
  const user = await createUser(admin);
  const api = await apiAs(user.key);
  const ns = user.namespace;
  const session = uniq("sess");
  const runA = uniq("run-a");
  const runB = uniq("run-b");
  const runEmpty = uniq("run-empty");

  const report = await publish(api, {
    namespace: ns,
    name: "reports/report.csv",
    body: "a,b\n1,2\n",
    contentType: "text/csv",
    runId: runA,
    sessionId: session,
    tags: ["eval"],
    metadata: { model: "m1" },
  });
  await publish(api, { namespace: ns, name: "notes.txt", body: "first", runId: runA, sessionId: session });
  await publish(api, { namespace: ns, name: "notes.txt", body: "second version", runId: runA, sessionId: session });
  await publish(api, {
    namespace: ns,
    name: "plot.json",
    body: '{"x":[1,2,3]}',
    contentType: "application/json",
    runId: runB,
    sessionId: session,
    tags: ["viz"],
    metadata: { model: "m2" },
  });
  // Runs are made by uploads; one whose artifacts were all deleted stays, with nothing in it.
  const doomed = await publish(api, { namespace: ns, name: "doomed.txt", body: "bye", runId: runEmpty });
  expect((await api.delete(`/api/v1/artifacts/${doomed.artifact.id}`)).status()).toBe(204);

  await signIn(page, user, "/runs");

  // The runs list: every run, newest first, with its namespace, session and artifact count.
  const rows = page.getByTestId("run-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText(runEmpty);
  await expect(rows.filter({ hasText: runA })).toContainText(session);
  await expect(rows.filter({ hasText: runA }).locator("td").nth(4)).toHaveText("2");
  await expect(rows.filter({ hasText: runEmpty }).locator("td").nth(4)).toHaveText("0");
  await checkPhoneAndKeep(page, testInfo, "runs-list");

  // Filters are a GET form: namespace + session narrows to the session's runs, and the URL says so.
  await page.getByLabel("Namespace").selectOption(ns);
  await page.getByLabel("Session").fill(session);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`session=${session}`));
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId("run-row").filter({ hasText: runEmpty })).toHaveCount(0);
  const today = new Date().toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/runs?from=${today}&to=${today}`);
  await expect(rows).toHaveCount(3);
  await page.goto(`/runs?from=${tomorrow}`);
  await expect(page.getByText("No runs match these filters")).toBeVisible();
  // A session without a namespace cannot be answered: said next to the form, not a broken page.
  await page.goto(`/runs?session=${session}`);
  await expect(page.getByTestId("error-notice")).toContainText("namespace");

  // The run page: the Artifacts tab is current and lists version, size and type of what this run published.
  await page.goto("/runs");
  await page.getByRole("link", { name: runA, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Run ${runA}`);
  await expect(page.getByRole("link", { name: "Artifacts", exact: true })).toHaveAttribute("aria-current", "page");
  const artifactRows = page.getByTestId("artifact-row");
  await expect(artifactRows).toHaveCount(2);
  const notes = artifactRows.filter({ hasText: "notes.txt" });
  await expect(notes).toContainText("v1");
  await expect(notes).toContainText("also v0");
  await expect(notes).toContainText("14 B");
  await expect(notes).toContainText("text/plain");
  const reportRow = artifactRows.filter({ hasText: "reports/report.csv" });
  await expect(reportRow).toContainText("text/csv");
  await expect(reportRow).toContainText("8 B");
  await expect(reportRow.getByRole("link", { name: "reports/report.csv", exact: true })).toHaveAttribute(
    "href",
    `/artifacts/${report.artifact.id}`,
  );
  await expect(page.getByTestId("artifact-count")).toHaveText("2 artifacts published by this run");

  // Download: the link fetches that version as an attachment.
  const downloading = page.waitForEvent("download");
  await notes.getByRole("link", { name: /Download notes\.txt/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("notes.txt");
  const chunks: Buffer[] = [];
  for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString()).toBe("second version");
  const href = await reportRow.getByRole("link", { name: /Download/ }).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toContain("attachment");
  expect(await response.text()).toBe("a,b\n1,2\n");
  await checkPhoneAndKeep(page, testInfo, "run-page");

  // The Details tab is its own URL; Artifacts is the default.
  await page.getByRole("link", { name: "Details", exact: true }).click();
  await expect(page).toHaveURL(/tab=details/);
  await expect(page.getByRole("link", { name: "Details", exact: true })).toHaveAttribute("aria-current", "page");

  // The session page rolls up both runs.
  await page.getByRole("link", { name: session, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Session ${session}`);
  await expect(page.getByRole("region", { name: "Artifacts in this session" }).getByTestId("artifact-row")).toHaveCount(3);
  await expect(page.getByTestId("artifact-row").filter({ hasText: "plot.json" })).toContainText(runB);
  await expect(page.getByTestId("artifact-row").filter({ hasText: "notes.txt" })).toContainText(runA);
  await expect(page.getByRole("heading", { name: "Runs (2)" })).toBeVisible();
  await checkPhoneAndKeep(page, testInfo, "session-page");

  // The sessions list shows the session with its two runs.
  await page.goto("/sessions");
  await expect(page.getByTestId("session-row").filter({ hasText: session }).locator("td").nth(3)).toHaveText("2");

  // The run whose artifacts were all deleted shows the empty state.
  await page.goto("/runs");
  await page.getByRole("link", { name: runEmpty, exact: true }).click();
  await expect(page.getByText("This run has not published any artifacts yet")).toBeVisible();
  await expect(page.getByTestId("artifact-row")).toHaveCount(0);

  // Search by a part of the name (any case), by tag, by metadata; and a search with no results.
  const results = page.getByTestId("result-row");
  await page.goto("/search");
  await expect(page.getByText("Search your artifacts")).toBeVisible();
  await page.getByLabel("Name contains").fill("REPORT");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText("reports/report.csv");
  await expect(results.first()).toContainText(ns);
  await page.goto("/search?tag=viz");
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText("plot.json");
  await page.goto(`/search?meta=${encodeURIComponent("model=m1")}`);
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText("reports/report.csv");
  await page.goto("/search?q=o&tag=eval");
  await expect(results).toHaveCount(1);
  await checkPhoneAndKeep(page, testInfo, "search");
  await page.goto("/search?q=no-such-thing-anywhere");
  await expect(page.getByText("No results")).toBeVisible();
});

test("another user's run is not found, and a user with nothing sees the empty states", async ({ page }, testInfo) => {
  const admin = await apiAs();
  const owner = await createUser(admin);
  const stranger = await createUser(admin);
  const run = uniq("private-run");
  const ownerApi = await apiAs(owner.key);
  const secret = await publish(ownerApi, { namespace: owner.namespace, name: "secret.txt", body: "s", runId: run, sessionId: uniq("s") });
  const key = (
    (await (await admin.get(`/api/v1/runs?namespace=${encodeURIComponent(owner.namespace)}`)).json()) as { runs: { key: string }[] }
  ).runs[0]!.key;

  await signIn(page, stranger, "/runs");
  await expect(page.getByText("No runs yet")).toBeVisible();
  await page.goto("/sessions");
  await expect(page.getByText("No sessions yet")).toBeVisible();
  await page.goto("/shared");
  await expect(page.getByText("Nothing has been shared with you yet")).toBeVisible();
  await page.goto("/search?q=secret");
  await expect(page.getByText("No results")).toBeVisible();

  // Once shared, it is listed on "Shared with me" with who shared it (search stays within readable namespaces).
  expect((await ownerApi.post(`/api/v1/artifacts/${secret.artifact.id}/shares`, { data: { identity: stranger.name } })).status()).toBe(201);
  await page.goto("/shared");
  const shared = page.getByTestId("shared-row");
  await expect(shared).toHaveCount(1);
  await expect(shared).toContainText("secret.txt");
  await expect(shared).toContainText(owner.name);
  await expect(shared).toContainText(owner.namespace);
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalOverflow(page);
  await keepScreenshot(page, testInfo, "shared-375");
  await page.setViewportSize({ width: 1280, height: 800 });

  expect((await page.goto(`/runs/${key}`))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByText(run)).toHaveCount(0);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/runs");
  await expectNoHorizontalOverflow(page);
  await keepScreenshot(page, testInfo, "runs-empty-375");
});

// The page promises "ASCII letters in names match either case", on every database (scripts/test.sh
// runs this spec on PostgreSQL too, whose LIKE is case-sensitive).
test("search finds a part of a name in either case, and only names that contain it", async ({ page }) => {
  const admin = await apiAs();
  const user = await createUser(admin);
  const api = await apiAs(user.key);
  const ns = user.namespace;
  for (const name of ["Report-Q1.md", "report-q2.md", "summary-q3.md", "re-port-q4.md"])
    await publish(api, { namespace: ns, name, body: `# ${name}` });

  await signIn(page, user, "/search");
  await page.getByLabel("Name contains").fill("report");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=report/);
  const results = page.getByTestId("result-row");
  await expect(results).toHaveCount(2);
  await expect(results.getByRole("link", { name: "Report-Q1.md", exact: true })).toBeVisible();
  await expect(results.getByRole("link", { name: "report-q2.md", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "summary-q3.md" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "re-port-q4.md" })).toHaveCount(0);

  // Upper case finds the same two; a part in the middle of a name, in the other case, too.
  await page.goto("/search?q=REPORT");
  await expect(results).toHaveCount(2);
  await page.goto("/search?q=Q2");
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText("report-q2.md");
});

/** The same page at phone width: nothing overflows sideways; screenshots at both widths. */
async function checkPhoneAndKeep(page: Page, testInfo: Parameters<typeof keepScreenshot>[1], name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectNoHorizontalOverflow(page);
  await keepScreenshot(page, testInfo, `${name}-1280`);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await expectNoHorizontalOverflow(page);
  await keepScreenshot(page, testInfo, `${name}-375`);
  await page.setViewportSize({ width: 1280, height: 800 });
}
