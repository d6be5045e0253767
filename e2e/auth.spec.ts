import { expect, test } from "@playwright/test";
import { admin, apiAs, baseURL, createUser, expectNoHorizontalOverflow, keepScreenshot, signIn, uniq } from "./support/helpers";

test.describe("sign-in", () => {
  test("a signed-out visitor is sent to sign in and comes back to the page they asked for", async ({ page }, testInfo) => {
    await page.goto("/namespaces");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fnamespaces/);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      await expect(page.getByRole("heading", { name: "Sign in to Stowage" })).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await keepScreenshot(page, testInfo, `signin-${width}`);
    }
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/namespaces$/);
    await expect(page.getByTestId("viewer-name")).toHaveText("admin");
  });

  test("a wrong password is refused with a message, and nothing is signed in", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByTestId("error-notice")).toContainText("do not match");
    await page.goto("/runs");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("after ten wrong passwords the account's sign-in pauses, and says so", async ({ page }) => {
    const api = await apiAs();
    const user = await createUser(api);
    await page.goto("/signin");
    await page.getByLabel("Email").fill(user.email);
    for (let i = 0; i < 10; i++) {
      await page.getByLabel("Password").fill(`wrong-password-${i}`);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page.getByTestId("error-notice")).toContainText("do not match");
      await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
    }
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByTestId("error-notice")).toContainText("Too many failed sign-ins");
    await page.goto("/runs");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("keyboard only: tab to the fields, type, press Enter", async ({ page }) => {
    const api = await apiAs();
    const user = await createUser(api);
    await page.goto("/signin");
    await page.getByLabel("Email").focus();
    await page.keyboard.type(user.email);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Password")).toBeFocused();
    await page.keyboard.type(user.password);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/runs$/);
    await expect(page.getByTestId("viewer-name")).toHaveText(user.name);
  });

  test("sign out ends the session; the old cookie no longer reaches the API", async ({ page, context }) => {
    await signIn(page, admin);
    expect((await page.request.get("/api/v1/me")).status()).toBe(200);
    await page.getByRole("button", { name: "Sign out" }).first().click();
    await expect(page).toHaveURL(/\/signin/);
    expect((await context.request.get("/api/v1/me")).status()).toBe(401);
  });

  test("a disabled identity is signed out at its next request", async ({ page }) => {
    const api = await apiAs();
    const user = await createUser(api);
    await signIn(page, user);
    expect((await page.request.get("/api/v1/me")).status()).toBe(200);
    expect((await api.patch(`/api/v1/identities/${user.name}`, { data: { disabled: true } })).status()).toBe(200);
    expect((await page.request.get("/api/v1/me")).status()).toBe(401);
    await page.goto("/runs");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("the setup page is closed once someone can sign in", async ({ page }) => {
    await page.goto("/setup");
    await expect(page.getByText("Setup is complete")).toBeVisible();
    const res = await page.request.post("/api/v1/setup", {
      data: { adminKey: admin.key, email: "other@e2e.test", password: "another-password-1" },
    });
    expect(res.status()).toBe(403);
  });
});

test.describe("CSRF", () => {
  test("a cookie-authenticated change needs the dashboard's header and this origin", async ({ page }) => {
    await signIn(page, admin);
    const name = uniq("csrf");
    // What a form on another site could send with the user's cookie.
    const forged = await page.request.post("/api/v1/groups", { data: { name }, headers: { Origin: "https://evil.example" } });
    expect(forged.status()).toBe(403);
    expect((await forged.json()).error.code).toBe("FORBIDDEN");
    const withoutHeader = await page.request.post("/api/v1/groups", { data: { name } });
    expect(withoutHeader.status()).toBe(403);
    const crossOrigin = await page.request.post("/api/v1/groups", {
      data: { name },
      headers: { "X-Stowage-CSRF": "1", Origin: "https://evil.example" },
    });
    expect(crossOrigin.status()).toBe(403);
    const api = await apiAs();
    expect((await (await api.get("/api/v1/groups")).json()).groups.map((g: { name: string }) => g.name)).not.toContain(name);
    // The dashboard's own request, from the page.
    const status = await page.evaluate(async (groupName) => {
      const res = await fetch("/api/v1/groups", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Stowage-CSRF": "1" },
        body: JSON.stringify({ name: groupName }),
      });
      return res.status;
    }, name);
    expect(status).toBe(201);
  });
});

test.describe("single sign-on (OIDC)", () => {
  test("an identity with the provider's email signs in through the provider; an unknown email is refused", async ({ page }) => {
    const api = await apiAs();
    const user = await createUser(api);
    await page.goto("/signin");
    await page.getByRole("button", { name: "Continue with Test SSO" }).click();
    await expect(page.getByRole("heading", { name: "Test identity provider" })).toBeVisible();
    await page.getByLabel("Provider email").fill(user.email);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(new RegExp(`^${baseURL}/runs`));
    await expect(page.getByTestId("viewer-name")).toHaveText(user.name);

    await page.context().clearCookies();
    await page.goto("/signin");
    await page.getByRole("button", { name: "Continue with Test SSO" }).click();
    await page.getByLabel("Provider email").fill(`${uniq("stranger")}@e2e.test`);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/signin\?.*error=AccessDenied/);
    await expect(page.getByTestId("error-notice")).toContainText("not allowed");
    await page.goto("/runs");
    await expect(page).toHaveURL(/\/signin/);
  });
});
