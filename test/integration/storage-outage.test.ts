import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TStartedServer } from "../support/start-server.ts";
import { createTestDatabase, type TTestDatabase } from "../support/test-database.ts";

const ADMIN_KEY = "stw_outage_admin_key_0123456789abcdef";

/** A real full disk: a 1 MiB tmpfs under the data dir (needs root, as in CI). */
function mountTinyDisk(dir: string): boolean {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", dir], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const root = mkdtempSync(path.join(os.tmpdir(), "stowage-outage-"));
const dataDir = path.join(root, "data");
mkdirSync(dataDir);
const mounted = mountTinyDisk(dataDir);

describe.skipIf(!mounted)("storage outage: the disk is full", () => {
  let server: TStartedServer;
  let db: TTestDatabase;
  const auth = { authorization: `Bearer ${ADMIN_KEY}` };

  beforeAll(async () => {
    // The database lives outside the tiny disk: only blob storage fails.
    db = await createTestDatabase(root);
    server = await startServer({ dataDir, databaseUrl: db.url, adminKey: ADMIN_KEY, env: { ARTIFACT_MAX_SIZE_MB: "10" } });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
    execFileSync("umount", [dataDir]);
    rmSync(root, { recursive: true, force: true });
  });

  it("answers 503 ARTIFACT_STORAGE_UNAVAILABLE, records nothing, and keeps the rest working", async () => {
    const small = await fetch(`${server.baseUrl}/api/v1/artifacts?namespace=agent:admin&name=small.txt`, {
      method: "POST",
      headers: auth,
      body: "fits",
    });
    expect(small.status).toBe(201);

    const big = await fetch(`${server.baseUrl}/api/v1/artifacts?namespace=agent:admin&name=big.bin`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/octet-stream" },
      body: new Uint8Array(3 * 1024 * 1024),
    });
    expect(big.status).toBe(503);
    expect((await big.json()).error.code).toBe("ARTIFACT_STORAGE_UNAVAILABLE");

    // No partial file is left to eat the little space there is.
    expect(readdirSync(path.join(dataDir, "blobs", ".tmp"))).toEqual([]);
    const list = await (await fetch(`${server.baseUrl}/api/v1/artifacts?namespace=agent:admin`, { headers: auth })).json();
    expect(list.artifacts.map((a: { name: string }) => a.name)).toEqual(["small.txt"]);
    const again = await fetch(`${server.baseUrl}/api/v1/artifacts?namespace=agent:admin&name=small2.txt`, {
      method: "POST",
      headers: auth,
      body: "still fits",
    });
    expect(again.status).toBe(201);
  });
});

describe("S3 unreachable from the start", () => {
  it("the server starts, answers 503 for uploads, and listing keeps working", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "stowage-s3unset-"));
    const database = await createTestDatabase(dir);
    const srv = await startServer({
      dataDir: dir,
      databaseUrl: database.url,
      adminKey: ADMIN_KEY,
      env: {
        S3_BUCKET: "unreachable",
        // Nothing listens on the discard port.
        S3_ENDPOINT: "http://127.0.0.1:9",
        S3_ACCESS_KEY_ID: "key",
        S3_SECRET_ACCESS_KEY: "secret",
        S3_FORCE_PATH_STYLE: "true",
      },
    });
    try {
      const up = await fetch(`${srv.baseUrl}/api/v1/artifacts?namespace=agent:admin&name=x.txt`, {
        method: "POST",
        headers: { authorization: `Bearer ${ADMIN_KEY}` },
        body: "x",
      });
      expect(up.status).toBe(503);
      expect((await up.json()).error.code).toBe("ARTIFACT_STORAGE_UNAVAILABLE");
      const list = await fetch(`${srv.baseUrl}/api/v1/artifacts`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
      expect(list.status).toBe(200);
      expect((await list.json()).artifacts).toEqual([]);
    } finally {
      await srv.stop();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
