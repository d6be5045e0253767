import path from "node:path";
import { expect, test } from "@playwright/test";
import { apiAs, createUser } from "./support/helpers";

// The SDK as a web page would use it: the built ESM from packages/client/dist (what `npm install`
// builds), loaded by the browser from the app's own origin, with nothing Node-only on the way.
const dist = path.resolve(import.meta.dirname, "../packages/client/dist");

test("the SDK runs in a browser: publishes text, a Blob and a stream, downloads, iterates, and fails with StowageError", async ({
  page,
}) => {
  const user = await createUser(await apiAs());
  await page.route("**/__sdk/**", (route) =>
    route.fulfill({
      path: path.join(dist, new URL(route.request().url()).pathname.slice("/__sdk/".length)),
      contentType: "text/javascript",
    }),
  );
  await page.goto("/docs/api");

  const result = await page.evaluate(
    async ({ key, namespace }) => {
      const entry = "/__sdk/index.js";
      const { Stowage, StowageError } = (await import(entry)) as typeof import("../packages/client/src/index.ts");
      const stowage = new Stowage({ url: location.origin, apiKey: key });
      const text = await stowage.publish("from a browser", { namespace, name: "browser/hello.txt", tags: ["browser"] });
      const blob = await stowage.publish(new Blob([new Uint8Array([0, 1, 2, 250])], { type: "application/octet-stream" }), {
        namespace,
        name: "browser/bytes.bin",
      });
      const chunks = ["stre", "amed ", "in chunks"];
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = chunks.shift();
          if (next === undefined) controller.close();
          else controller.enqueue(new TextEncoder().encode(next));
        },
      });
      const streamed = await stowage.publish(stream, { namespace, name: "browser/stream.txt" });
      const names: string[] = [];
      for await (const artifact of stowage.artifacts.list({ namespace, name: "browser/", limit: 2 })) names.push(artifact.name);
      const missing = await stowage.artifacts.get("no-such-artifact").then(
        () => undefined,
        (e: unknown) => e,
      );
      return {
        text: { version: text.version.version, body: await (await stowage.artifacts.download(text.artifact.id)).text() },
        blob: Array.from(await (await stowage.artifacts.download(blob.artifact.id)).bytes()),
        streamed: await (await stowage.artifacts.download(streamed.artifact.id)).text(),
        range: await (await stowage.artifacts.download(text.artifact.id, { range: { start: 5, end: 5 + 5 } })).text(),
        names: names.sort(),
        missing: missing instanceof StowageError ? { code: missing.code, status: missing.status } : String(missing),
      };
    },
    { key: user.key, namespace: user.namespace },
  );

  expect(result).toEqual({
    text: { version: 0, body: "from a browser" },
    blob: [0, 1, 2, 250],
    streamed: "streamed in chunks",
    range: "a brow",
    names: ["browser/bytes.bin", "browser/hello.txt", "browser/stream.txt"],
    missing: { code: "ARTIFACT_NOT_FOUND", status: 404 },
  });
});
