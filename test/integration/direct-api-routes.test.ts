import http from "node:http";
import { describe, expect, inject, it } from "vitest";
import { adminApi, uniq } from "../support/api.ts";

/** Requests on one kept-alive socket, to see what the server does to the connection. */
function onOneSocket() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const base = new URL(inject("baseUrl"));
  const sockets = new Set<unknown>();
  const send = (method: string, path: string, headers: Record<string, string>, body?: (req: http.ClientRequest) => void) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
      const req = http.request({ host: base.hostname, port: base.port, method, path, headers, agent }, (res) => {
        sockets.add(res.socket);
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString() }));
      });
      req.on("error", reject);
      if (body) body(req);
      else req.end();
    });
  return { send, socketsUsed: () => sockets.size, close: () => agent.destroy() };
}

const auth = () => ({ authorization: `Bearer ${inject("adminKey")}` });

describe("the JSON API, served by the server itself", () => {
  it("answers with the JSON, its length, the header policy and the request id", async () => {
    const c = onOneSocket();
    try {
      const res = await c.send("GET", "/api/v1/me", { ...auth(), "x-request-id": "direct-1" });
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      expect(Number(res.headers["content-length"])).toBe(Buffer.byteLength(res.text));
      expect(JSON.parse(res.text).identity.name).toBe("admin");
      expect(res.headers).toMatchObject({
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        "x-frame-options": "SAMEORIGIN",
        "x-request-id": "direct-1",
      });
    } finally {
      c.close();
    }
  });

  it("decodes path parameters as Next does and refuses a malformed escape", async () => {
    const admin = adminApi();
    const name = uniq("direct");
    expect((await admin.json("/api/v1/identities", { method: "POST", json: { name } })).status).toBe(201);
    // "%64" is "d": found only when the parameter is decoded before the lookup.
    const changed = await admin.json(`/api/v1/identities/%64${name.slice(1)}`, { method: "PATCH", json: { email: "d@example.com" } });
    expect(changed.status).toBe(200);
    expect(changed.body.identity).toMatchObject({ name, email: "d@example.com" });
    expect((await admin.json(`/api/v1/artifacts/${encodeURIComponent("no such/id")}`)).status).toBe(404);
    const malformed = await admin.json("/api/v1/artifacts/%zz");
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("ARTIFACT_VALIDATION_FAILED");
  });

  it("leaves to Next what a route does not export: HEAD, OPTIONS, other methods, trailing slashes", async () => {
    const admin = adminApi();
    const head = await admin.request("/api/v1/me", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect((await admin.request("/api/v1/me", { method: "PUT" })).status).toBe(405);
    const slash = await admin.request("/api/v1/me/", { redirect: "manual" });
    expect(slash.status).toBe(308);
    expect(slash.headers.get("location")).toBe("/api/v1/me");
  });

  it("refuses an oversized JSON body of unknown length with 400 and keeps the connection", async () => {
    const c = onOneSocket();
    try {
      const big = await c.send(
        "POST",
        "/api/v1/identities",
        { ...auth(), "content-type": "application/json", "transfer-encoding": "chunked" },
        (req) => {
          req.write(`{"name":"${"x".repeat(100 * 1024)}`);
          req.end(`"}`);
        },
      );
      expect(big.status).toBe(400);
      expect(JSON.parse(big.text).error.message).toContain("JSON bodies are limited");
      expect(big.headers.connection).toBe("keep-alive");
      const name = uniq("after-big");
      const next = await c.send("POST", "/api/v1/identities", { ...auth(), "content-type": "application/json" }, (req) =>
        req.end(JSON.stringify({ name })),
      );
      expect(next.status).toBe(201);
      expect(JSON.parse(next.text).identity.name).toBe(name);
      expect(c.socketsUsed()).toBe(1);
    } finally {
      c.close();
    }
  });

  it("refuses before reading the body (a bad key) and keeps the connection, the body's bytes dropped", async () => {
    const c = onOneSocket();
    try {
      // The body goes out a moment after the headers, as it does on a real network, so the
      // refusal is written while the body is still on its way.
      const refused = await c.send(
        "POST",
        "/api/v1/identities",
        { authorization: "Bearer stw_not-a-key", "content-type": "application/json", "content-length": "15" },
        (req) => {
          req.flushHeaders();
          setTimeout(() => req.end('{"name":"eve"}\n'), 50);
        },
      );
      expect(refused.status).toBe(401);
      // Before the fix the drain waited out its deadline and then closed the connection.
      expect(refused.headers.connection).toBe("keep-alive");
      const name = uniq("after-refusal");
      const next = await c.send("POST", "/api/v1/identities", { ...auth(), "content-type": "application/json" }, (req) =>
        req.end(JSON.stringify({ name })),
      );
      expect(next.status).toBe(201);
      expect(c.socketsUsed()).toBe(1);
    } finally {
      c.close();
    }
  });
});
