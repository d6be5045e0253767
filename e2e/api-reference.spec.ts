import { expect, test } from "@playwright/test";

test("the API reference renders every operation of the OpenAPI document, loading nothing from another origin", async ({
  page,
  request,
  baseURL,
}) => {
  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as {
    paths: Record<string, Record<string, { operationId: string }>>;
  };
  const operations = Object.values(doc.paths).flatMap((methods) => Object.values(methods));
  expect(operations.length).toBeGreaterThan(40);

  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) foreign.push(r.url());
  });
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    // No sign-in: the reference is as public as the document.
    await page.goto("/docs/api");
    await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
    await expect(page.getByTestId("api-operation")).toHaveCount(operations.length);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }
  const upload = page.locator("#uploadArtifact");
  await expect(upload).toContainText("/api/v1/artifacts");
  await expect(upload).toContainText("Idempotency-Key");
  await expect(upload).toContainText("413");
  // A shared shape is a link to its one description under Schemas.
  const link = upload.getByRole("link", { name: "Published" }).first();
  await expect(link).toHaveAttribute("href", "#schema-Published");
  await link.click();
  await expect(page).toHaveURL(/#schema-Published$/);
  await expect(page.locator("#schema-Published")).toContainText('"artifact"');
  expect(foreign).toEqual([]);
});
