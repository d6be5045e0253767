import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TStartedServer } from "../support/start-server.ts";
import { createTestDatabase, type TTestDatabase } from "../support/test-database.ts";
import { clientFor, createAgent, uniq } from "../support/api.ts";
import { waitFor } from "../support/wait-for.ts";

const METRICS_TOKEN = "metrics-token-for-tests-0123456789";

type TLine = {
  time: string;
  level: string;
  msg: string;
  method: string;
  route: string;
  status: number;
  durationMs: number;
  bytesIn: number;
  bytesOut: number;
  identity?: string;
  requestId: string;
};

/** The value of one series in a Prometheus text exposition, 0 when absent. */
const sample = (text: string, series: string) => {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
};

describe("request log and metrics", () => {
  let server: TStartedServer;
  let plain: TStartedServer;
  let database: TTestDatabase;
  let plainDatabase: TTestDatabase;
  const dirs: string[] = [];
  const adminKey = `stw_test_admin_${uniq("obs")}_${Date.now()}`;

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "stowage-obs-"));
    const plainDir = mkdtempSync(path.join(os.tmpdir(), "stowage-obs-plain-"));
    dirs.push(dataDir, plainDir);
    database = await createTestDatabase(dataDir);
    plainDatabase = await createTestDatabase(plainDir);
    [server, plain] = await Promise.all([
      startServer({ dataDir, databaseUrl: database.url, adminKey, env: { LOG_FORMAT: "json", STOWAGE_METRICS_TOKEN: METRICS_TOKEN } }),
      startServer({ dataDir: plainDir, databaseUrl: plainDatabase.url, adminKey }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([server?.stop(), plain?.stop()]);
    await Promise.all([database?.drop(), plainDatabase?.drop()]);
    dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  const metrics = async (token = METRICS_TOKEN) => fetch(`${server.baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });

  it("writes one JSON line per request with the route pattern, status, identity and request id, and no secret", async () => {
    const admin = clientFor(server.baseUrl, adminKey);
    const agent = await createAgent(uniq("logger"), {}, admin);
    const up = await agent.client.upload({ namespace: agent.namespace, name: "log.txt" }, "log me", {
      headers: { "x-request-id": "upload-1" },
    });
    expect(up.status).toBe(201);
    const id = up.body.artifact.id as string;
    const got = await agent.client.request(`/api/v1/artifacts/${id}`, { headers: { "x-request-id": "meta-1" } });
    expect(got.status).toBe(200);
    expect(
      await (await agent.client.request(`/api/v1/artifacts/${id}/content?version=0`, { headers: { "x-request-id": "download-1" } })).text(),
    ).toBe("log me");
    const share = await agent.client.json(`/api/v1/artifacts/${id}/share`, { method: "POST", json: { expiresIn: 120 } });
    expect(share.status).toBe(201);
    const shareUrl: string = share.body.url;
    const token = shareUrl.slice(shareUrl.lastIndexOf("/") + 1);
    expect(await (await fetch(shareUrl, { headers: { "x-request-id": "share-1" } })).text()).toBe("log me");
    // A direct upload's part URL carries a signature in its query.
    const bytes = Buffer.from("direct part bytes");
    const started = await agent.client.json("/api/v1/uploads", {
      method: "POST",
      json: {
        namespace: agent.namespace,
        name: "direct.bin",
        size: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const parts = await agent.client.json(`/api/v1/uploads/${started.body.id}/parts`, { method: "POST", json: { partNumbers: [1] } });
    const partUrl: string = parts.body.parts[0].url;
    const signature = new URL(partUrl).searchParams.get("signature");
    expect(signature).toBeTruthy();
    expect((await fetch(partUrl, { method: "PUT", body: bytes, headers: { "x-request-id": "part-1" } })).status).toBe(200);

    await waitFor("the part's log line", async () => server.output().includes('"requestId":"part-1"'));
    const lines = server
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as TLine)
      .filter((l) => l.msg === "request");
    const byId = (requestId: string) => lines.find((l) => l.requestId === requestId);
    expect(byId("upload-1")).toMatchObject({
      level: "info",
      method: "POST",
      route: "/api/v1/artifacts",
      status: 201,
      identity: agent.name,
      bytesIn: 6,
    });
    expect(byId("upload-1")!.bytesOut).toBeGreaterThan(0);
    expect(byId("upload-1")!.durationMs).toEqual(expect.any(Number));
    expect(Date.parse(byId("upload-1")!.time)).not.toBeNaN();
    // Answered inside Next's bundle: the identity still reaches the log (the request context propagates).
    expect(byId("meta-1")).toMatchObject({ method: "GET", route: "/api/v1/artifacts/{id}", status: 200, identity: agent.name });
    expect(byId("download-1")).toMatchObject({
      method: "GET",
      route: "/api/v1/artifacts/{id}/content",
      status: 200,
      identity: agent.name,
      bytesOut: 6,
    });
    expect(byId("share-1")).toMatchObject({ method: "GET", route: "/api/v1/share/{token}", status: 200, bytesOut: 6 });
    expect(byId("share-1")!.identity).toBeUndefined();
    expect(byId("part-1")).toMatchObject({ method: "PUT", route: "/api/v1/uploads/{id}/parts/{n}", status: 200, bytesIn: bytes.length });
    expect(lines.find((l) => l.route === "/api/v1/artifacts/{id}/share" && l.method === "POST")).toMatchObject({
      status: 201,
      identity: agent.name,
    });

    const log = server.output();
    for (const secret of [adminKey, agent.key, token, signature!, shareUrl, partUrl, "signature=", "expires="]) {
      expect(log.includes(secret), `the log contains ${secret}`).toBe(false);
    }
    // No query string either (`?version=0` above).
    for (const line of lines) expect(JSON.stringify(line)).not.toMatch(/\?|version=/);
  });

  it("writes a short human line by default", async () => {
    const res = await fetch(`${plain.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${adminKey}`, "x-request-id": "plain-1" } });
    expect(res.status).toBe(200);
    await waitFor("the log line", async () => plain.output().includes("request=plain-1"));
    const line = plain
      .output()
      .split("\n")
      .find((l) => l.includes("request=plain-1"))!;
    expect(line).toMatch(/^\S+Z info GET \/api\/v1\/me 200 [\d.]+ms in=0 out=\d+ identity=admin request=plain-1$/);
  });

  it("serves /metrics only with the token, and its counters move", async () => {
    // Without the setting the endpoint does not exist.
    expect((await fetch(`${plain.baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/metrics`)).status).toBe(401);
    const wrong = await metrics("metrics-token-for-tests-wrong!!!!!");
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: expect.objectContaining({ code: "UNAUTHENTICATED" }) });

    const before = await (await metrics()).text();
    const admin = clientFor(server.baseUrl, adminKey);
    const agent = await createAgent(uniq("metered"), {}, admin);
    const body = "x".repeat(1000);
    expect((await agent.client.upload({ namespace: agent.namespace, name: "m.txt" }, body)).status).toBe(201);
    expect((await admin.json(`/api/v1/namespaces/${agent.namespace}`, { method: "PATCH", json: { quotaBytes: 1500 } })).status).toBe(200);
    const refused = await agent.client.upload({ namespace: agent.namespace, name: "m2.txt" }, body);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("ARTIFACT_QUOTA_EXCEEDED");

    const res = await metrics();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const after = await res.text();
    expect(sample(after, "stowage_quota_refusals_total") - sample(before, "stowage_quota_refusals_total")).toBe(1);
    expect(sample(after, "stowage_http_bytes_received_total") - sample(before, "stowage_http_bytes_received_total")).toBeGreaterThanOrEqual(
      2000,
    );
    expect(sample(after, "stowage_http_bytes_sent_total")).toBeGreaterThan(sample(before, "stowage_http_bytes_sent_total"));
    const created = 'stowage_http_requests_total{method="POST",route="/api/v1/artifacts",status="201"}';
    expect(sample(after, created) - sample(before, created)).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'stowage_http_requests_total{method="POST",route="/api/v1/artifacts",status="409"}')).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'stowage_http_request_duration_seconds_count{method="POST",route="/api/v1/artifacts"}')).toBeGreaterThanOrEqual(2);
    expect(after).toMatch(/^stowage_http_request_duration_seconds_bucket\{method="POST",route="\/api\/v1\/artifacts",le="\+Inf"\} \d+$/m);
    expect(sample(after, "stowage_uploads_in_flight")).toBe(0);
    expect(sample(after, 'stowage_sweep_runs_total{sweep="uploads"}')).toBeGreaterThanOrEqual(1);
    expect(after).toMatch(/^# TYPE stowage_blob_store_errors_total counter$/m);
    for (const secret of [adminKey, agent.key, METRICS_TOKEN]) expect(after.includes(secret)).toBe(false);
  });
});
