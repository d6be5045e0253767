import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiAs, createUser, expectNoHorizontalOverflow, keepScreenshot, publish, signIn, uniq } from "./support/helpers";

// Aliases on the artifact page: badges in the history, the list at the top, and the controls
// (set, protect, move, remove) for writers only; a protected alias refuses the delete of its version.

type TUser = Awaited<ReturnType<typeof createUser>>;
type TAlias = { name: string; version: number; protected: boolean };

let admin: APIRequestContext;
let owner: TUser;
let reader: TUser;
let asOwner: APIRequestContext;

/** An artifact of three text versions ("body 0".."body 2") in the owner's namespace. */
async function threeVersions(): Promise<string> {
  const name = uniq("model");
  let id = "";
  for (let i = 0; i < 3; i++) id = (await publish(asOwner, { namespace: owner.namespace, name, body: `body ${i}\n` })).artifact.id;
  return id;
}

async function aliasesOf(id: string): Promise<TAlias[]> {
  const res = await asOwner.get(`/api/v1/artifacts/${id}/aliases`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { aliases: TAlias[] }).aliases.map(({ name, version, protected: p }) => ({ name, version, protected: p }));
}

test.beforeAll(async () => {
  admin = await apiAs();
  owner = await createUser(admin);
  reader = await createUser(admin);
  asOwner = await apiAs(owner.key);
  // The reader may read everything in the owner's namespace, and change nothing.
  const grant = await admin.post(`/api/v1/namespaces/${encodeURIComponent(owner.namespace)}/grants`, {
    data: { identity: reader.name, permission: "read" },
  });
  expect(grant.ok(), await grant.text()).toBe(true);
});

test.afterAll(async () => {
  await asOwner?.dispose();
  await admin?.dispose();
});

test("the owner sets an alias, protects it, is refused the delete, moves it and removes it", async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const id = await threeVersions();
  await signIn(page, owner, `/artifacts/${id}`);
  const aliases = page.getByTestId("aliases");
  await expect(aliases).toContainText("No aliases.");

  // A name the API refuses: its message is shown, nothing is set.
  await page.getByTestId("version-row-1").getByRole("button", { name: "Set an alias on version 1" }).click();
  const dialog = page.getByRole("dialog", { name: "Set an alias on version 1" });
  await dialog.getByLabel("Alias name").fill("Not Valid");
  await dialog.getByRole("button", { name: "Set alias" }).click();
  await expect(dialog.getByTestId("error-notice")).toContainText("The alias was not set");
  await expect(dialog.getByTestId("error-notice")).toContainText("lowercase letters, digits");
  expect(await aliasesOf(id)).toEqual([]);

  // A good one: its badge shows on version 1 in the history and in the list at the top.
  await dialog.getByLabel("Alias name").fill("production");
  await expect(dialog.getByLabel(/^Protected/)).not.toBeChecked();
  await dialog.getByRole("button", { name: "Set alias" }).click();
  await expect(dialog).toBeHidden();
  const row1 = page.getByTestId("version-row-1");
  await expect(row1.getByTestId("alias-badge-production")).toHaveText("production");
  await expect(page.getByTestId("version-row-2").getByTestId("alias-badge-production")).toHaveCount(0);
  const item = aliases.getByTestId("alias-production");
  await expect(item).toContainText("v1");
  await expect(item).toContainText("not protected");
  expect(await aliasesOf(id)).toEqual([{ name: "production", version: 1, protected: false }]);

  // Protected: a lock, and "protected" for screen readers.
  await item.getByRole("button", { name: "Protect production", exact: true }).click();
  await expect(item.getByRole("button", { name: "Unprotect production" })).toBeVisible();
  const badge = row1.getByTestId("alias-badge-production");
  await expect(badge).toHaveAttribute("data-protected", "true");
  await expect(badge.locator("svg")).toHaveCount(1);
  await expect(badge.locator(".sr-only")).toHaveText("(protected)");
  await expect(item).toContainText("protected");
  expect(await aliasesOf(id)).toEqual([{ name: "production", version: 1, protected: true }]);

  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoHorizontalOverflow(page);
    await keepScreenshot(page, testInfo, `aliases-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // Deleting the protected version, or the artifact, is refused with the API's reason.
  await row1.getByRole("button", { name: "Delete version 1" }).click();
  const deleteDialog = page.getByRole("dialog", { name: "Delete version 1?" });
  await deleteDialog.getByRole("button", { name: "Delete version 1" }).click();
  await expect(deleteDialog.getByTestId("error-notice")).toContainText("protected by alias production");
  await deleteDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(row1).toBeVisible();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const artifactDialog = page.getByTestId("delete-artifact-dialog");
  await artifactDialog.getByRole("textbox").fill(await page.getByRole("heading", { level: 1 }).innerText());
  await artifactDialog.getByRole("button", { name: "Delete artifact" }).click();
  await expect(artifactDialog.getByTestId("error-notice")).toContainText("protected by alias production");
  await artifactDialog.getByRole("button", { name: "Cancel" }).click();
  expect((await asOwner.get(`/api/v1/artifacts/${id}/versions/1`)).status()).toBe(200);

  // ?alias= shows the version it points at.
  await aliases.getByRole("link", { name: /^production/ }).click();
  await expect(page).toHaveURL(/alias=production/);
  await expect(page.getByRole("heading", { name: /^Version 1/ })).toContainText("by its alias production");
  await expect(page.getByTestId("text-preview")).toHaveText("body 1\n");
  await expect(page.getByTestId("version-row-1")).toHaveAttribute("aria-current", "true");

  // Moving to a version that does not exist is refused; to version 2 it moves, still protected.
  await item.getByRole("button", { name: "Move production", exact: true }).click();
  const moveTo = item.getByLabel("Move production to version");
  await moveTo.fill("99");
  await item.getByRole("button", { name: "Move", exact: true }).click();
  await expect(item.getByTestId("error-notice")).toContainText("not found");
  await moveTo.fill("2");
  await item.getByRole("button", { name: "Move", exact: true }).click();
  await expect(page.getByTestId("version-row-2").getByTestId("alias-badge-production")).toHaveAttribute("data-protected", "true");
  await expect(page.getByTestId("version-row-1").getByTestId("alias-badge-production")).toHaveCount(0);
  // The page follows the alias it was opened by.
  await expect(page.getByRole("heading", { name: /^Version 2/ })).toBeVisible();
  await expect(page.getByTestId("text-preview")).toHaveText("body 2\n");
  expect(await aliasesOf(id)).toEqual([{ name: "production", version: 2, protected: true }]);

  // Version 1 is free to go now.
  await page.getByTestId("version-row-1").getByRole("button", { name: "Delete version 1" }).click();
  await page.getByRole("dialog", { name: "Delete version 1?" }).getByRole("button", { name: "Delete version 1" }).click();
  await expect(page.getByTestId("version-row-1")).toHaveCount(0);

  // Removed: the alias goes, the version stays (the page, opened by the alias, now shows it by
  // number), and ?alias=production finds nothing.
  await item.getByRole("button", { name: "Remove production" }).click();
  await page.getByRole("dialog", { name: "Remove production?" }).getByRole("button", { name: "Remove production" }).click();
  await expect(page).not.toHaveURL(/alias=/);
  await expect(page.getByTestId("alias-production")).toHaveCount(0);
  await expect(page.getByTestId("aliases")).toContainText("No aliases.");
  await expect(page.getByTestId("version-row-2")).toBeVisible();
  expect(await aliasesOf(id)).toEqual([]);
  expect((await page.goto(`/artifacts/${id}?alias=production`))?.status()).toBe(404);
  expect((await page.goto(`/artifacts/${id}?alias=Not%20Valid`))?.status()).toBe(404);
  expect((await page.goto(`/artifacts/${id}?alias=production&version=0`))?.status()).toBe(404);
});

test("a reader sees the aliases and their badges, and no controls", async ({ page }) => {
  const id = await threeVersions();
  for (const [name, body] of [
    ["production", { version: 0, protected: true }],
    ["best", { version: 1 }],
  ] as const) {
    const res = await asOwner.put(`/api/v1/artifacts/${id}/aliases/${name}`, { data: body });
    expect(res.status(), await res.text()).toBe(201);
  }
  // The API says no to the reader too.
  const asReader = await apiAs(reader.key);
  expect((await asReader.put(`/api/v1/artifacts/${id}/aliases/mine`, { data: { version: 2 } })).status()).toBe(403);
  await asReader.dispose();

  await signIn(page, reader, `/artifacts/${id}`);
  await expect(page.getByTestId("version-row-0").getByTestId("alias-badge-production")).toHaveAttribute("data-protected", "true");
  await expect(page.getByTestId("version-row-0").getByTestId("alias-badge-production")).toContainText("(protected)");
  await expect(page.getByTestId("version-row-1").getByTestId("alias-badge-best")).not.toHaveAttribute("data-protected", "true");
  await expect(page.getByTestId("alias-list").getByRole("listitem")).toHaveCount(2);
  await expect(page.getByTestId("alias-best")).toContainText("v1");
  await expect(page.getByTestId("alias-production")).toContainText("v0");

  await expect(page.getByRole("button", { name: /^Set an alias/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^(Move|Protect|Unprotect|Remove) / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Delete/ })).toHaveCount(0);

  // The alias selects its version for readers too.
  await page.goto(`/artifacts/${id}?alias=best`);
  await expect(page.getByTestId("text-preview")).toHaveText("body 1\n");
  await expect(page.getByTestId("version-row-1")).toHaveAttribute("aria-current", "true");

  // The compare pickers name the aliases.
  await page.goto(`/artifacts/${id}/compare`);
  await expect(page.getByLabel("Old version").locator("option", { hasText: "v0 (production)" })).toHaveCount(1);
  await expect(page.getByLabel("New version")).toHaveValue("2");
});
