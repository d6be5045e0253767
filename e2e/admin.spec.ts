import { expect, test, type Page } from "@playwright/test";
import { admin, apiAs, createUser, expectNoHorizontalOverflow, keepScreenshot, publish, signIn, uniq } from "./support/helpers";

/** Identity and group names are lowercase slugs. */
const slug = (prefix: string) => uniq(prefix).toLowerCase();

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });

test.describe("admin pages", () => {
  test("an admin creates a person, manages their API key, group and grant; the person signs in", async ({ page, browser }, testInfo) => {
    const name = slug("person");
    const person = { email: `${name}@e2e.test`, password: `${name}-secret-pw` };
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await signIn(page, admin, "/admin");
    await expect(mainNav(page).getByRole("link", { name: "Admin" })).toBeVisible();
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Identities" }).click();
    await expect(page.getByRole("heading", { name: "Identities", level: 1 })).toBeVisible();

    // Create a human with a password through the form.
    await page.getByRole("button", { name: "New identity" }).click();
    const dialog = page.getByRole("dialog", { name: "New identity" });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("Email").fill(person.email);
    await dialog.getByLabel("Password").fill("short");
    await dialog.getByRole("button", { name: "Create identity" }).click();
    // The browser's own check (minlength) or the API's field error: either way nothing is created yet.
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("Password").fill(person.password);
    await dialog.getByRole("button", { name: "Create identity" }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByTestId(`identity-${name}`);
    await expect(row).toContainText("human");
    await expect(row).toContainText(person.email);
    await expect(row.getByRole("cell", { name: "yes" })).toBeVisible();
    // The same name again: the API's message shows under the Name field.
    await page.getByRole("button", { name: "New identity" }).click();
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByRole("button", { name: "Create identity" }).click();
    await expect(dialog.getByText("already exists")).toBeVisible();
    await expect(dialog.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("button", { name: "New identity" })).toBeFocused();
    await keepScreenshot(page, testInfo, "admin-identities-1280");

    // They sign in, in a browser of their own; no Admin link, and /admin is not for them.
    const theirs = await browser.newContext();
    const theirPage = await theirs.newPage();
    await signIn(theirPage, person);
    await expect(theirPage.getByTestId("viewer-name")).toHaveText(name);
    await expect(mainNav(theirPage).getByRole("link", { name: "Admin" })).toHaveCount(0);
    await theirPage.goto("/admin/identities");
    await expect(theirPage).not.toHaveURL(/\/admin/);
    await expect(theirPage.getByText(person.email)).toHaveCount(0);

    // An API key for them: shown once, works, then only its prefix is ever shown.
    await page.goto(`/admin/keys?identity=${name}`);
    await expect(page.getByRole("heading", { name: `Keys of ${name}` })).toBeVisible();
    await page.getByLabel("Label").fill("laptop");
    await page.getByRole("button", { name: "Create key" }).click();
    const keyDialog = page.getByRole("dialog", { name: "Copy the new API key now" });
    await expect(keyDialog).toBeVisible();
    await expect(keyDialog).toContainText("You won’t see it again");
    const key = await keyDialog.getByTestId("new-api-key").inputValue();
    expect(key).toMatch(/^stw_[A-Za-z0-9_-]{40,}$/);
    await keyDialog.getByRole("button", { name: "Copy" }).click();
    await expect(keyDialog.getByRole("status")).toContainText(/Copied|Ctrl\+C/);
    await keepScreenshot(page, testInfo, "admin-keys-new-key-1280");
    const asThem = await apiAs(key);
    const me = await asThem.get("/api/v1/me");
    expect(me.status()).toBe(200);
    expect((await me.json()).identity.name).toBe(name);
    await keyDialog.getByRole("button", { name: "I have stored it" }).click();
    await expect(keyDialog).toBeHidden();

    await page.reload();
    const prefix = key.slice(0, 12);
    await expect(page.getByRole("rowheader", { name: `${prefix}…` })).toBeVisible();
    expect(await page.content()).not.toContain(key);
    await expect(page.getByRole("row", { name: /laptop/ })).toContainText("active");
    await keepScreenshot(page, testInfo, "admin-keys-1280");

    await page.getByRole("button", { name: `Revoke key ${prefix} (laptop)` }).click();
    const confirm = page.getByRole("dialog", { name: "Revoke this key?" });
    await expect(confirm).toContainText("cannot be undone");
    await confirm.getByRole("button", { name: "Revoke key" }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByRole("row", { name: /laptop/ })).toContainText("revoked");
    expect((await asThem.get("/api/v1/me")).status()).toBe(401);

    // A group with them in it.
    const group = slug("crew");
    await page.goto("/admin/groups");
    await page.getByLabel("Group name").fill(group);
    await page.getByRole("button", { name: "Create group" }).click();
    const card = page.getByTestId(`group-${group}`);
    await expect(card).toBeVisible();
    await card.getByLabel(`Add to ${group}`).selectOption(name);
    await card.getByRole("button", { name: "Add", exact: true }).click();
    await expect(card.getByRole("button", { name: `Remove ${name} from ${group}` })).toBeVisible();
    await keepScreenshot(page, testInfo, "admin-groups-1280");

    // A custom namespace, and read access to it for them.
    const ns = `team:${slug("grants")}`;
    await page.goto("/admin/grants");
    await page.getByLabel("New custom namespace").fill(ns);
    await page.getByRole("button", { name: "Create namespace" }).click();
    await expect(page).toHaveURL(new RegExp(`namespace=${encodeURIComponent(ns)}`));
    await expect(page.getByRole("heading", { name: `Grant access to ${ns}` })).toBeVisible();
    await expect(page.getByLabel("Namespace", { exact: true })).toHaveValue(ns);
    await page.getByLabel("Who").selectOption(`identity:${name}`);
    await page.getByLabel("Permission").selectOption("read");
    await page.getByRole("button", { name: "Grant", exact: true }).click();
    await expect(page.getByTestId(`grant-${name}`)).toContainText("read");
    await keepScreenshot(page, testInfo, "admin-grants-1280");

    // What they can read now, as their dashboard session sees it.
    const theirNamespaces = ((await (await theirPage.request.get("/api/v1/me")).json()).namespaces as { name: string }[]).map(
      (n) => n.name,
    );
    expect(theirNamespaces).toEqual(expect.arrayContaining([`agent:${name}`, `ring:${group}`, ns]));

    // Removing the grant takes the namespace away again.
    await page.getByRole("button", { name: `Remove the grant for ${name}` }).click();
    await expect(page.getByTestId(`grant-${name}`)).toHaveCount(0);
    const after = ((await (await theirPage.request.get("/api/v1/me")).json()).namespaces as { name: string }[]).map((n) => n.name);
    expect(after).not.toContain(ns);
    await theirs.close();
  });

  test("editing an identity: reset the password, disable and enable; admins cannot demote or disable themselves", async ({
    page,
    browser,
  }) => {
    const api = await apiAs();
    const user = await createUser(api, slug("edited"));
    await signIn(page, admin, "/admin/identities");

    const row = page.getByTestId(`identity-${user.name}`);
    await row.getByRole("button", { name: `Edit ${user.name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Edit ${user.name}` });
    await dialog.getByLabel("New password").fill("a-brand-new-password");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();

    const theirs = await browser.newContext();
    const theirPage = await theirs.newPage();
    await signIn(theirPage, { email: user.email, password: "a-brand-new-password" });
    expect((await theirPage.request.get("/api/v1/me")).status()).toBe(200);

    await row.getByRole("button", { name: `Edit ${user.name}` }).click();
    await dialog.getByLabel("Disabled").check();
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText("disabled");
    // At once: their session and their key stop working.
    expect((await theirPage.request.get("/api/v1/me")).status()).toBe(401);
    expect((await (await apiAs(user.key)).get("/api/v1/me")).status()).toBe(401);

    await row.getByRole("button", { name: `Edit ${user.name}` }).click();
    await dialog.getByLabel("Disabled").uncheck();
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(row).toContainText("active");
    expect((await (await apiAs(user.key)).get("/api/v1/me")).status()).toBe(200);
    await theirs.close();

    // Their own row: the admin and disabled switches are off limits.
    await page.getByTestId("identity-admin").getByRole("button", { name: "Edit admin" }).click();
    const self = page.getByRole("dialog", { name: "Edit admin" });
    await expect(self.getByLabel("Admin", { exact: true })).toBeDisabled();
    await expect(self.getByLabel("Disabled")).toBeDisabled();
    await expect(self).toContainText("You cannot remove your own admin rights");
    await self.getByRole("button", { name: "Cancel" }).click();
    await expect(self).toBeHidden();
  });

  test("anyone manages their own keys at /keys; a non-admin never reaches the admin pages", async ({ page }, testInfo) => {
    const api = await apiAs();
    const user = await createUser(api, slug("selfserve"));
    await signIn(page, user);
    await expect(mainNav(page).getByRole("link", { name: "Admin" })).toHaveCount(0);
    for (const path of ["/admin", "/admin/identities", "/admin/keys", "/admin/groups", "/admin/grants", "/admin/audit"]) {
      await page.goto(path);
      await expect(page, path).not.toHaveURL(/\/admin/);
      await expect(page.getByRole("navigation", { name: "Admin" })).toHaveCount(0);
    }
    // The admin API refuses their session too.
    expect((await page.request.get("/api/v1/identities")).status()).toBe(403);
    expect((await page.request.get(`/api/v1/identities/admin/keys`)).status()).toBe(403);

    await page.goto("/keys");
    await expect(page.getByRole("heading", { name: "Your API keys" })).toBeVisible();
    await expect(page.getByRole("row", { name: /e2e/ })).toBeVisible();
    await page.getByLabel("Label").fill("my-script");
    await page.getByRole("button", { name: "Create key" }).click();
    const keyDialog = page.getByRole("dialog", { name: "Copy the new API key now" });
    const key = await keyDialog.getByTestId("new-api-key").inputValue();
    expect((await (await apiAs(key)).get("/api/v1/me")).status()).toBe(200);
    await page.keyboard.press("Escape");
    await expect(keyDialog).toBeHidden();
    await expect(page.getByRole("row", { name: /my-script/ })).toContainText("active");
    expect(await page.content()).not.toContain(key);
    await keepScreenshot(page, testInfo, "my-keys-1280");
  });

  test("every admin page works at 375 px without sideways overflow", async ({ page }, testInfo) => {
    const api = await apiAs();
    const user = await createUser(api, slug("narrow"));
    const group = slug("narrow-group");
    await api.post("/api/v1/groups", { data: { name: group } });
    await api.post(`/api/v1/groups/${group}/members`, { data: { identity: user.name } });
    await api.post(`/api/v1/namespaces/${user.namespace}/grants`, { data: { group, permission: "write" } });
    // Something for the audit log to show.
    await publish(await apiAs(user.key), { namespace: user.namespace, name: "notes/narrow.txt", body: "hello" });

    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, admin, "/admin");
    const pages: [string, string][] = [
      ["/admin", "admin-overview-375"],
      ["/admin/identities", "admin-identities-375"],
      [`/admin/keys?identity=${user.name}`, "admin-keys-375"],
      ["/admin/groups", "admin-groups-375"],
      [`/admin/grants?namespace=${encodeURIComponent(user.namespace)}`, "admin-grants-375"],
      ["/admin/audit", "admin-audit-375"],
      ["/keys", "my-keys-375"],
    ];
    for (const [path, shot] of pages) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await keepScreenshot(page, testInfo, shot);
    }
    await page.goto("/admin/audit");
    await expect(page.getByRole("row", { name: new RegExp(`artifact\\.upload.*${user.namespace}`) }).first()).toBeVisible();
    await page.goto("/admin/identities");
    await page.getByRole("button", { name: "New identity" }).click();
    await expect(page.getByRole("dialog", { name: "New identity" })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await keepScreenshot(page, testInfo, "admin-new-identity-375");
  });
});
