import { createHash } from "node:crypto";
import { describe, expect, it, beforeAll } from "vitest";
import { createAgent, uniq } from "../support/api.ts";

const sha = (s: string | Uint8Array) => createHash("sha256").update(s).digest("hex");

describe("publishing and downloading", () => {
  let agent: Awaited<ReturnType<typeof createAgent>>;
  beforeAll(async () => {
    agent = await createAgent();
  });

  it("publishes a raw body as version 0, then the same name again as version 1", async () => {
    const name = `reports/${uniq("q1")}.csv`;
    const first = await agent.client.upload({ namespace: agent.namespace, name }, "a,b\n1,2\n", { contentType: "text/csv" });
    expect(first.status).toBe(201);
    expect(first.body.version).toMatchObject({
      version: 0,
      sizeBytes: 8,
      sha256: sha("a,b\n1,2\n"),
      mimeType: "text/csv",
      filename: expect.stringMatching(/\.csv$/),
    });
    expect(first.body.artifact).toMatchObject({
      namespace: agent.namespace,
      name,
      latestVersion: 0,
      sessionId: null,
      createdBy: agent.name,
    });
    expect(first.headers.get("location")).toBe(`/api/v1/artifacts/${first.body.artifact.id}/versions/0`);

    const second = await agent.client.upload({ namespace: agent.namespace, name }, "a,b\n3,4\n", { contentType: "text/csv" });
    expect(second.status).toBe(201);
    expect(second.body.artifact.id).toBe(first.body.artifact.id);
    expect(second.body.version.version).toBe(1);

    const v0 = await agent.client.request(`/api/v1/artifacts/${first.body.artifact.id}/content?version=0`);
    expect(await v0.text()).toBe("a,b\n1,2\n");
    const latest = await agent.client.request(`/api/v1/artifacts/${first.body.artifact.id}/content`);
    expect(await latest.text()).toBe("a,b\n3,4\n");
    expect(latest.headers.get("etag")).toBe(`"${sha("a,b\n3,4\n")}"`);
  });

  it("publishes multipart uploads with fields, tags and metadata, streaming the file", async () => {
    const form = new FormData();
    form.set("namespace", agent.namespace);
    form.set("sessionId", "sess-1");
    form.set("runId", "run-1");
    form.set("tags", "nightly, eval");
    form.set("metadata", JSON.stringify({ model: "gpt", score: 0.9 }));
    form.set("file", new Blob(['{"ok":true}'], { type: "application/json" }), "result.json");
    const res = await agent.client.json("/api/v1/artifacts", { method: "POST", body: form });
    expect(res.status).toBe(201);
    expect(res.body.artifact).toMatchObject({ name: "result.json", sessionId: "sess-1", tags: ["eval", "nightly"] });
    expect(res.body.version).toMatchObject({
      runId: "run-1",
      metadata: { model: "gpt", score: 0.9 },
      mimeType: "application/json",
      sizeBytes: 11,
    });
  });

  it("applies multipart fields sent after the file", async () => {
    const name = uniq("late");
    const boundary = "----stowage";
    const body = [
      `--${boundary}\r\nContent-Disposition: form-data; name="namespace"\r\n\r\n${agent.namespace}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\nhello\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="tags"\r\n\r\nx\r\n`,
      `--${boundary}--\r\n`,
    ].join("");
    const res = await agent.client.json("/api/v1/artifacts", {
      method: "POST",
      body,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.artifact).toMatchObject({ name, tags: ["x"] });
    expect(res.body.version).toMatchObject({ sizeBytes: 5, sha256: sha("hello") });
  });

  it("serves ranges, ETags, 304 and HEAD", async () => {
    const up = await agent.client.upload({ namespace: agent.namespace, name: uniq("digits.txt") }, "0123456789");
    const url = `/api/v1/artifacts/${up.body.artifact.id}/content`;
    const etag = `"${sha("0123456789")}"`;

    const part = await agent.client.request(url, { headers: { range: "bytes=2-5" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe("bytes 2-5/10");
    expect(await part.text()).toBe("2345");

    const suffix = await agent.client.request(url, { headers: { range: "bytes=-3" } });
    expect(await suffix.text()).toBe("789");

    const open = await agent.client.request(url, { headers: { range: "bytes=7-" } });
    expect(await open.text()).toBe("789");

    const bad = await agent.client.request(url, { headers: { range: "bytes=10-20" } });
    expect(bad.status).toBe(416);
    expect(bad.headers.get("content-range")).toBe("bytes */10");
    expect((await bad.json()).error.code).toBe("ARTIFACT_RANGE_NOT_SATISFIABLE");

    const notModified = await agent.client.request(url, { headers: { "if-none-match": etag } });
    expect(notModified.status).toBe(304);

    const staleIfRange = await agent.client.request(url, { headers: { range: "bytes=0-0", "if-range": '"other"' } });
    expect(staleIfRange.status).toBe(200);
    expect(await staleIfRange.text()).toBe("0123456789");

    const head = await agent.client.request(url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe("10");
    expect(head.headers.get("etag")).toBe(etag);
    expect(head.headers.get("accept-ranges")).toBe("bytes");
  });

  it("serves active content as an attachment with nosniff and an RFC 6266 filename", async () => {
    const html = await agent.client.upload(
      { namespace: agent.namespace, name: "pages/évaluation report.html" },
      "<script>alert(1)</script>",
      { contentType: "text/html" },
    );
    const res = await agent.client.request(`/api/v1/artifacts/${html.body.artifact.id}/content`);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="_valuation report.html"; filename*=UTF-8''%C3%A9valuation%20report.html`,
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("sandbox");

    for (const type of ["image/svg+xml", "application/xml", "text/javascript", "application/xhtml+xml"]) {
      const up = await agent.client.upload({ namespace: agent.namespace, name: uniq("active") }, "<x/>", { contentType: type });
      const r = await agent.client.request(`/api/v1/artifacts/${up.body.artifact.id}/content`);
      expect(r.headers.get("content-disposition"), type).toMatch(/^attachment;/);
      await r.body?.cancel();
    }

    const png = await agent.client.upload({ namespace: agent.namespace, name: uniq("chart.png") }, new Uint8Array([137, 80, 78, 71]), {
      contentType: "image/png",
    });
    const img = await agent.client.request(`/api/v1/artifacts/${png.body.artifact.id}/content`);
    expect(img.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(img.headers.get("content-type")).toBe("image/png");
  });

  it("stores unicode names exactly, in NFC", async () => {
    const decomposed = "re\u0301sume\u0301/日本語 ✓.txt";
    const up = await agent.client.upload({ namespace: agent.namespace, name: decomposed }, "x");
    expect(up.status).toBe(201);
    expect(up.body.artifact.name).toBe(decomposed.normalize("NFC"));
    const got = await agent.client.json(`/api/v1/artifacts/${up.body.artifact.id}`);
    expect(got.body.artifact.name).toBe(decomposed.normalize("NFC"));
  });

  it("honours If-None-Match: * and If-Match preconditions", async () => {
    const name = uniq("pre");
    const created = await agent.client.upload({ namespace: agent.namespace, name }, "v0", { headers: { "if-none-match": "*" } });
    expect(created.status).toBe(201);
    const again = await agent.client.upload({ namespace: agent.namespace, name }, "v0 again", { headers: { "if-none-match": "*" } });
    expect(again.status).toBe(412);
    expect(again.body.error).toMatchObject({ code: "ARTIFACT_VERSION_CONFLICT", latestVersion: 0 });

    const stale = await agent.client.upload({ namespace: agent.namespace, name }, "v1", { headers: { "if-match": "5" } });
    expect(stale.status).toBe(412);
    const ok = await agent.client.upload({ namespace: agent.namespace, name }, "v1", { headers: { "if-match": "0" } });
    expect(ok.status).toBe(201);
    expect(ok.body.version.version).toBe(1);

    const versions = await agent.client.json(`/api/v1/artifacts/${created.body.artifact.id}/versions`);
    expect(versions.body.versions.map((v: any) => v.version)).toEqual([1, 0]);
  });

  it("replays an Idempotency-Key and refuses its reuse for a different upload", async () => {
    const name = uniq("idem");
    const key = uniq("key");
    const first = await agent.client.upload({ namespace: agent.namespace, name }, "same", { headers: { "idempotency-key": key } });
    const replay = await agent.client.upload({ namespace: agent.namespace, name }, "same", { headers: { "idempotency-key": key } });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body.version).toEqual(first.body.version);
    const versions = await agent.client.json(`/api/v1/artifacts/${first.body.artifact.id}/versions`);
    expect(versions.body.versions).toHaveLength(1);

    const reused = await agent.client.upload({ namespace: agent.namespace, name }, "different", { headers: { "idempotency-key": key } });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe("ARTIFACT_IDEMPOTENCY_KEY_REUSED");
  });

  it("gives parallel saves of one name distinct consecutive versions", async () => {
    const name = uniq("race");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => agent.client.upload({ namespace: agent.namespace, name }, `content ${i}`)),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const numbers = results.map((r) => r.body.version.version).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const versions = await agent.client.json(`/api/v1/artifacts/${results[0]!.body.artifact.id}/versions?limit=50`);
    expect(versions.body.versions).toHaveLength(20);
    // Every version's bytes are the upload that got that number.
    for (const r of results) {
      const content = await agent.client.request(`/api/v1/artifacts/${r.body.artifact.id}/content?version=${r.body.version.version}`);
      expect(sha(await content.text())).toBe(r.body.version.sha256);
    }
  });

  it("keeps session-scoped and namespace-level artifacts of one name apart", async () => {
    const name = uniq("scoped.txt");
    const user = await agent.client.upload({ namespace: agent.namespace, name }, "user");
    const inSession = await agent.client.upload({ namespace: agent.namespace, name, sessionId: "s-a" }, "session");
    expect(inSession.body.artifact.id).not.toBe(user.body.artifact.id);
    expect(inSession.body.version.version).toBe(0);
  });

  it("records no session or run for an upload that fails", async () => {
    const runId = uniq("run-failed");
    const sessionId = uniq("session-failed");
    // Streamed without Content-Length, so the limit (5 MB on the test server) trips mid-upload.
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 6) return controller.close();
        sent++;
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const query = new URLSearchParams({ namespace: agent.namespace, name: uniq("big"), runId, sessionId });
    const res = await agent.client.request(`/api/v1/artifacts?${query}`, {
      method: "POST",
      body,
      headers: { "content-type": "application/octet-stream" },
    });
    expect(res.status).toBe(413);
    expect((await agent.client.json(`/api/v1/runs/${runId}/artifacts?namespace=${agent.namespace}`)).status).toBe(404);
    expect((await agent.client.json(`/api/v1/sessions/${sessionId}/artifacts?namespace=${agent.namespace}`)).status).toBe(404);
  });
});
