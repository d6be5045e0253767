import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TStartedServer } from "../support/start-server.ts";
import { createTestDatabase, type TTestDatabase } from "../support/test-database.ts";
import { clientFor, createAgent, uniq } from "../support/api.ts";

// Every response, whoever answers it, carries the same security headers (one policy).
const POLICY = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "SAMEORIGIN",
  "content-security-policy": "frame-ancestors 'self'; base-uri 'self'",
};
const policyOf = (res: Response, { download = false } = {}) =>
  Object.fromEntries(
    Object.keys(POLICY)
      .filter((h) => !(download && h === "content-security-policy"))
      .map((h) => [h, res.headers.get(h)]),
  );

describe("response policy: headers, request ids, malformed paths", () => {
  let server: TStartedServer;
  let database: TTestDatabase;
  let dataDir: string;
  const adminKey = `stw_test_admin_${uniq("policy")}_${Date.now()}`;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "stowage-policy-"));
    database = await createTestDatabase(dataDir);
    server = await startServer({ dataDir, databaseUrl: database.url, adminKey });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("gives a streaming response, a Next API response, a page, a 404 and errors the same headers", async () => {
    const agent = await createAgent(uniq("policy"), {}, clientFor(server.baseUrl, adminKey));
    const up = await agent.client.upload({ namespace: agent.namespace, name: "a.txt" }, "hello");
    expect(up.status).toBe(201);
    const base = server.baseUrl;
    const auth = { authorization: `Bearer ${agent.key}` };
    const download = await fetch(`${base}/api/v1/artifacts/${up.body.artifact.id}/content`, { headers: auth });
    expect(download.status).toBe(200);
    // The download's own sandboxing CSP is kept, not replaced by the pages' policy.
    expect(download.headers.get("content-security-policy")).toContain("sandbox");
    const responses: [string, Response, number][] = [
      [
        "upload (streaming)",
        await fetch(`${base}/api/v1/artifacts?namespace=${agent.namespace}&name=b.txt`, {
          method: "POST",
          headers: { ...auth, "content-type": "text/plain" },
          body: "b",
        }),
        201,
      ],
      ["streaming error", await fetch(`${base}/api/v1/artifacts/nope/content`, { headers: auth }), 404],
      ["share link error", await fetch(`${base}/api/v1/share/not-a-token`), 403],
      ["Next API", await fetch(`${base}/api/v1/me`, { headers: auth }), 200],
      ["Next API error", await fetch(`${base}/api/v1/me`), 401],
      ["page", await fetch(`${base}/signin`), 200],
      ["landing page", await fetch(`${base}/`), 200],
      ["404", await fetch(`${base}/no/such/page`), 404],
    ];
    expect(policyOf(download, { download: true }), "download").toEqual(
      policyOf(new Response(null, { headers: POLICY }), { download: true }),
    );
    for (const [label, res, status] of responses) {
      expect(res.status, label).toBe(status);
      expect(policyOf(res), label).toEqual(POLICY);
    }
    // A static asset of the dashboard, served by Next.js itself.
    const html = await (await fetch(`${base}/signin`)).text();
    const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
    expect(asset).toBeDefined();
    const res = await fetch(`${base}${asset}`);
    expect(res.status).toBe(200);
    expect(policyOf(res), "static asset").toEqual(POLICY);
  });

  it("answers malformed % escapes with 400 or 404, never a logged 500", async () => {
    const auth = { authorization: `Bearer ${adminKey}` };
    const streaming = ["/api/v1/artifacts/%E0%A4%A/content", "/api/v1/share/%zz", "/api/v1/artifacts/%/content"];
    for (const p of streaming) {
      const res = await fetch(`${server.baseUrl}${p}`, { headers: auth });
      expect(res.status, p).toBe(400);
      expect(await res.json(), p).toEqual({ error: expect.objectContaining({ code: "ARTIFACT_VALIDATION_FAILED" }) });
    }
    const next = ["/api/v1/artifacts/%E0%A4%A", "/api/v1/artifacts/%zz/versions", "/api/v1/namespaces/%zz/usage", "/runs/%zz", "/%zz"];
    for (const p of next) {
      const res = await fetch(`${server.baseUrl}${p}`, { headers: auth });
      expect([400, 404], `${p}: ${res.status}`).toContain(res.status);
      expect((await res.json()).error, p).toMatchObject({
        code: expect.stringMatching(/^(ARTIFACT_VALIDATION_FAILED|ARTIFACT_NOT_FOUND)$/),
      });
      expect(policyOf(res), p).toEqual(POLICY);
    }
    expect(server.output()).not.toMatch(/unexpected error|request failed|URIError/i);
  });

  it("treats a session cookie with a malformed % escape as no session: 401 from the API, never a logged 500", async () => {
    for (const cookie of ["next-auth.session-token=%E0%A4%A", "__Secure-next-auth.session-token=%zz; other=1"]) {
      for (const p of ["/api/v1/me", "/api/v1/artifacts/00000000000000000000000000/content"]) {
        const res = await fetch(`${server.baseUrl}${p}`, { headers: { cookie } });
        expect(res.status, `${p} ${cookie}`).toBe(401);
        expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
      }
    }
    expect(server.output()).not.toMatch(/unexpected error|request failed|URIError/i);
  });

  it("echoes a sane X-Request-Id and generates one otherwise, on every kind of response", async () => {
    for (const p of ["/api/v1/share/not-a-token", "/api/v1/me", "/signin", "/no/such/page"]) {
      const echoed = await fetch(`${server.baseUrl}${p}`, { headers: { "x-request-id": "trace-42.a:b_c" } });
      expect(echoed.headers.get("x-request-id"), p).toBe("trace-42.a:b_c");
      const generated = await fetch(`${server.baseUrl}${p}`);
      const other = await fetch(`${server.baseUrl}${p}`);
      expect(generated.headers.get("x-request-id"), p).toMatch(/^[0-9a-f-]{36}$/);
      expect(other.headers.get("x-request-id")).not.toBe(generated.headers.get("x-request-id"));
      for (const bad of ["has space", "x".repeat(129), 'quote"d', "<tag>"]) {
        const replaced = await fetch(`${server.baseUrl}${p}`, { headers: { "x-request-id": bad } });
        expect(replaced.headers.get("x-request-id"), `${p} ${bad}`).toMatch(/^[0-9a-f-]{36}$/);
      }
    }
  });
});
