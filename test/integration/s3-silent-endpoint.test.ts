import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TStartedServer } from "../support/start-server.ts";
import { startSilentEndpoint, type TSilentEndpoint } from "../support/silent-endpoint.ts";
import { createTestDatabase, type TTestDatabase } from "../support/test-database.ts";

const ADMIN_KEY = "stw_silent_s3_admin_key_0123456789abcdef";
const auth = { authorization: `Bearer ${ADMIN_KEY}` };

// S3's port accepts connections and never answers: a hung gateway or load balancer.
describe("S3 endpoint that accepts connections and never answers", () => {
  let silent: TSilentEndpoint;
  let server: TStartedServer;
  let db: TTestDatabase;
  let dir: string;

  beforeAll(async () => {
    silent = await startSilentEndpoint();
    dir = mkdtempSync(path.join(os.tmpdir(), "stowage-s3silent-"));
    db = await createTestDatabase(dir);
    // startServer waits for /api/v1/health (60 s at most): the start-up sweep, which lists S3,
    // must not keep the server from listening.
    server = await startServer({
      dataDir: dir,
      databaseUrl: db.url,
      adminKey: ADMIN_KEY,
      env: {
        S3_BUCKET: "hung",
        S3_ENDPOINT: silent.url,
        S3_ACCESS_KEY_ID: "key",
        S3_SECRET_ACCESS_KEY: "secret",
        S3_FORCE_PATH_STYLE: "true",
      },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
    await silent?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("the server listens and reports itself live", async () => {
    expect((await fetch(`${server.baseUrl}/api/v1/health`)).status).toBe(200);
  });

  it("GET /api/v1/ready answers 503 naming storage, within seconds", async () => {
    const started = Date.now();
    const res = await fetch(`${server.baseUrl}/api/v1/ready`);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(res.status).toBe(503);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body.status).toBe("not_ready");
    expect(body.checks.database.ok).toBe(true);
    expect(body.checks.storage).toMatchObject({ ok: false, backend: "s3" });
    expect(typeof body.checks.storage.reason).toBe("string");
    expect(JSON.stringify(body)).not.toMatch(/secret|127\.0\.0\.1/);
  });

  it("an upload answers 503 ARTIFACT_STORAGE_UNAVAILABLE within seconds and records nothing", async () => {
    const started = Date.now();
    const up = await fetch(`${server.baseUrl}/api/v1/artifacts?namespace=agent:admin&name=x.txt`, {
      method: "POST",
      headers: auth,
      body: "x",
    });
    // An upper bound for a hang, not a speed goal.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(up.status, server.output()).toBe(503);
    expect((await up.json()).error.code).toBe("ARTIFACT_STORAGE_UNAVAILABLE");

    const usage = await (await fetch(`${server.baseUrl}/api/v1/namespaces/agent:admin/usage`, { headers: auth })).json();
    expect(usage).toMatchObject({ usedBytes: 0, reservedBytes: 0, artifactCount: 0, versionCount: 0 });
    const list = await (await fetch(`${server.baseUrl}/api/v1/artifacts?namespace=agent:admin`, { headers: auth })).json();
    expect(list.artifacts).toEqual([]);
  });
});
