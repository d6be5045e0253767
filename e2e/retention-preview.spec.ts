import { expect, test } from "@playwright/test";
import { admin, apiAs, createUser, expectNoHorizontalOverflow, keepScreenshot, publish, signIn } from "./support/helpers";

test.describe("retention preview", () => {
  test("a writer previews what keep-last-N would delete; an admin sets it; a reader has no button", async ({ page, browser }, testInfo) => {
    const api = await apiAs();
    const user = await createUser(api);
    const reader = await createUser(api);
    const ns = user.namespace;
    const nsPath = `/namespaces/${encodeURIComponent(ns)}`;
    const asUser = await apiAs(user.key);
    let id = "";
    for (const size of [10, 20, 30]) id = (await publish(asUser, { namespace: ns, name: "a.txt", body: "x".repeat(size) })).artifact.id;
    await publish(asUser, { namespace: ns, name: "b.txt", body: "b" });
    expect((await asUser.put(`/api/v1/artifacts/${id}/aliases/production`, { data: { version: 0, protected: true } })).status()).toBe(201);
    expect((await api.patch(`/api/v1/namespaces/${encodeURIComponent(ns)}`, { data: { keepVersions: 1 } })).ok()).toBe(true);
    expect(
      (await api.post(`/api/v1/namespaces/${encodeURIComponent(ns)}/grants`, { data: { identity: reader.name, permission: "read" } })).ok(),
    ).toBe(true);

    // The owner (a writer): the rule shown, and the dry run lists version 1 only (0 is protected, 2 the latest).
    await signIn(page, user, nsPath);
    await expect(page.getByTestId("keep-versions")).toContainText("the newest 1 of each artifact");
    const preview = page.getByTestId("retention-preview");
    await preview.getByRole("button", { name: "Preview retention" }).click();
    await expect(preview.getByRole("status")).toHaveText("The next sweep would free 20 B.");
    const items = preview.getByTestId("preview-versions").getByRole("listitem");
    await expect(items).toHaveCount(1);
    await expect(items.first()).toContainText("a.txt version 1");
    await expect(items.first()).toContainText("20 B");
    await keepScreenshot(page, testInfo, "retention-preview-1280");
    await page.setViewportSize({ width: 375, height: 800 });
    await expectNoHorizontalOverflow(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    // A dry run: nothing deleted.
    expect((await (await asUser.get(`/api/v1/artifacts/${id}/versions`)).json()).versions).toHaveLength(3);

    // A reader sees the rule but not the button.
    const theirs = await browser.newContext();
    const readerPage = await theirs.newPage();
    await signIn(readerPage, reader, nsPath);
    await expect(readerPage.getByTestId("keep-versions")).toBeVisible();
    await expect(readerPage.getByRole("button", { name: "Preview retention" })).toHaveCount(0);
    await theirs.close();

    // The admin changes the rule where quota and retention are set: bad values explained, a good one saved.
    await page.context().clearCookies();
    await signIn(page, admin, nsPath);
    const keep = page.getByRole("textbox", { name: "Versions kept per artifact" });
    await expect(keep).toHaveValue("1");
    await keep.fill("some");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText('Enter a whole number of versions, or "all".')).toBeVisible();
    await keep.fill("0");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(/keepVersions must be a whole number from 1 to 10000/)).toBeVisible();
    await expect(keep).toHaveAttribute("aria-invalid", "true");
    await keep.fill("3");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    expect(await (await api.get(`/api/v1/namespaces/${encodeURIComponent(ns)}`)).json()).toMatchObject({ keepVersions: 3 });
    await page.getByRole("button", { name: "Preview retention" }).click();
    await expect(page.getByTestId("retention-preview").getByRole("status")).toHaveText(
      "Nothing to delete: the rules keep everything stored now.",
    );
    await keep.fill("all");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    expect(await (await api.get(`/api/v1/namespaces/${encodeURIComponent(ns)}`)).json()).toMatchObject({ keepVersions: null });
  });
});
