import { expect, test } from "@playwright/test";
import { apiAs, createUser, publish, signIn, uniq } from "./support/helpers";

test("the run page's Read tab lists what the run read, and the version view shows Derived from and Read by", async ({ page }) => {
  const admin = await apiAs();
  const user = await createUser(admin);
  const api = await apiAs(user.key);
  const ns = user.namespace;
  const run = uniq("reader");

  const input = await publish(api, { namespace: ns, name: "data/input.csv", body: "a,b\n1,2\n", contentType: "text/csv" });
  expect((await api.get(`/api/v1/artifacts/${input.artifact.id}/content`, { headers: { "X-Stowage-Run": run } })).status()).toBe(200);
  const params = new URLSearchParams({
    namespace: ns,
    name: "report.md",
    runId: run,
    derivedFrom: JSON.stringify([{ artifactId: input.artifact.id, version: 0 }]),
  });
  const published = await api.post(`/api/v1/artifacts?${params}`, { data: "# report", headers: { "Content-Type": "text/markdown" } });
  expect(published.status()).toBe(201);
  const output = (await published.json()) as { artifact: { id: string } };
  const runs = (await (await api.get(`/api/v1/runs?namespace=${encodeURIComponent(ns)}`)).json()) as {
    runs: { id: string; key: string }[];
  };
  const key = runs.runs.find((r) => r.id === run)!.key;

  await signIn(page, user, `/runs/${key}`);
  await page.getByRole("link", { name: "Read" }).click();
  const rows = page.getByTestId("input-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("data/input.csv");
  await rows.first().getByRole("link", { name: "data/input.csv" }).click();
  await expect(page.getByTestId("read-by")).toContainText(`Run ${run}`);

  await page.goto(`/artifacts/${output.artifact.id}`);
  await expect(page.getByTestId("derived-from")).toContainText(`${ns}/data/input.csv v0`);
  await page.getByTestId("derived-from").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/artifacts/${input.artifact.id}`));
});
