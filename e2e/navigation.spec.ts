import { expect, test } from "@playwright/test";
import { admin, expectNoHorizontalOverflow, keepScreenshot, signIn } from "./support/helpers";

test("on a phone the sections are behind a Menu button that works by keyboard; on a desktop they are a row", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, admin);
  const nav = page.getByRole("navigation", { name: "Main" });
  const menu = nav.getByRole("button", { name: /Menu/ });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toContainText("Runs");
  await expect(nav.getByRole("link", { name: "Namespaces" })).toBeHidden();

  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  for (const label of ["Runs", "Sessions", "Search", "Shared with me", "Upload", "Namespaces", "API keys", "Admin"]) {
    await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
  }
  await expectNoHorizontalOverflow(page);
  await keepScreenshot(page, testInfo, "menu-open-375");
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Runs", exact: true })).toBeFocused();
  await nav.getByRole("link", { name: "Namespaces" }).click();
  await expect(page).toHaveURL(/\/namespaces$/);
  // Following a link closes the menu and names where you are.
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toContainText("Namespaces");

  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(menu).toBeHidden();
  await expect(nav.getByRole("link", { name: "Namespaces" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Admin" })).toBeVisible();
});
