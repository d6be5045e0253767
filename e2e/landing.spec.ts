import { expect, test } from "@playwright/test";

// The only page so far; the dashboard's pages and their tests come with the dashboard issue.
test("the landing page says the service is up, at desktop and phone widths", async ({ page }, testInfo) => {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Stowage", level: 1 })).toBeVisible();
    await expect(page.getByText("Service is up")).toBeVisible();
    await expect(page.getByText("SQLite")).toBeVisible();
    // Nothing overflows sideways on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath(`landing-${width}.png`), fullPage: true });
  }
});

test("the health endpoint answers without a key", async ({ request }) => {
  const res = await request.get("/api/v1/health");
  expect(res.ok()).toBe(true);
});
