import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { admin, apiAs, createUser, publish, signIn, uniq } from "./support/helpers";

/** WCAG 2.1 A/AA checks by axe-core on the page as it is now; any violation fails with its list. */
async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const violations = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
  expect(violations, label).toEqual([]);
}

test("every main page passes axe's WCAG 2.1 AA checks", async ({ page }) => {
  test.setTimeout(120_000);
  const api = await apiAs();
  const user = await createUser(api, uniq("a11y"));
  const userApi = await apiAs(user.key);
  const runId = uniq("run");
  const sessionId = uniq("session");
  await publish(userApi, {
    namespace: user.namespace,
    name: "notes.md",
    body: "# Title\n\nSome *text*.",
    contentType: "text/markdown",
    runId,
    sessionId,
    tags: ["t1"],
    metadata: { k: "v" },
  });
  await publish(userApi, {
    namespace: user.namespace,
    name: "notes.md",
    body: "# Title\n\nOther *text*.",
    contentType: "text/markdown",
    runId,
    sessionId,
  });
  await publish(userApi, { namespace: user.namespace, name: "table.csv", body: "a,b\n1,2\n", contentType: "text/csv", runId, sessionId });

  await page.goto("/signin");
  await expectAccessible(page, "/signin");
  await signIn(page, user);
  for (const url of [
    "/runs",
    "/sessions",
    "/search",
    "/search?q=notes",
    "/shared",
    "/upload",
    "/namespaces",
    `/namespaces/${encodeURIComponent(user.namespace)}`,
    "/docs/api",
  ]) {
    await page.goto(url);
    await expectAccessible(page, url);
  }
  await page.goto("/runs");
  await page.getByRole("link", { name: runId, exact: true }).click();
  await expect(page.getByRole("link", { name: "notes.md", exact: true })).toBeVisible();
  await expectAccessible(page, "run page");
  await page.getByRole("link", { name: "notes.md", exact: true }).click();
  await expect(page.getByRole("heading", { name: "notes.md" })).toBeVisible();
  await expectAccessible(page, "artifact page");
  await page.goto(`${page.url().split("?")[0]}/compare?a=0&b=1`);
  await expectAccessible(page, "compare page");

  await page.context().clearCookies();
  await signIn(page, admin);
  for (const url of ["/admin", "/admin/identities", "/admin/groups", "/admin/keys", "/admin/grants"]) {
    await page.goto(url);
    await expectAccessible(page, url);
  }
});
