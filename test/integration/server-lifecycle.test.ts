import http from "node:http";
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, inject, it } from "vitest";
import { startArguments, startServer } from "../support/start-server.ts";
import { createTestDatabase } from "../support/test-database.ts";
import { createAgent, uniq } from "../support/api.ts";
import { listFiles } from "../support/list-files.ts";
import { waitFor } from "../support/wait-for.ts";

describe("server lifecycle", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("prints a generated admin key once on first start, and keeps data across restarts", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "stowage-life-"));
    dirs.push(dataDir);
    const db = await createTestDatabase(dataDir);
    try {
      const first = await startServer({ dataDir, databaseUrl: db.url });
      const key = /\b(stw_[A-Za-z0-9_-]{43})\b/.exec(first.output())?.[1];
      expect(key, first.output()).toBeDefined();
      const me = await (await fetch(`${first.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } })).json();
      expect(me.identity).toMatchObject({ name: "admin", isAdmin: true });
      const up = await fetch(`${first.baseUrl}/api/v1/artifacts?namespace=agent:admin&name=keep.txt`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "text/plain" },
        body: "still here",
      });
      expect(up.status).toBe(201);
      const { artifact } = await up.json();
      await first.stop();

      // What a killed process leaves: a day-old temp file. The next start removes it.
      const leftover = path.join(dataDir, "blobs", ".tmp", "killed-mid-upload");
      writeFileSync(leftover, "partial");
      const dayAgo = new Date(Date.now() - 25 * 3_600_000);
      utimesSync(leftover, dayAgo, dayAgo);
      const second = await startServer({ dataDir, databaseUrl: db.url });
      // The sweep runs beside the listening server.
      await waitFor("the start-up sweep", async () => second.output().includes("removed 1 incomplete upload"));
      expect(existsSync(leftover)).toBe(false);
      expect(second.output()).not.toMatch(/stw_[A-Za-z0-9_-]{43}/);
      const res = await fetch(`${second.baseUrl}/api/v1/artifacts/${artifact.id}/content`, { headers: { authorization: `Bearer ${key}` } });
      expect(await res.text()).toBe("still here");
      await second.stop();
    } finally {
      await db.drop();
    }
  });

  it("refuses to start with an invalid configuration, naming the problem", () => {
    const result = spawnSync(process.execPath, startArguments(), {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: { ...process.env, DATABASE_URL: "mysql://localhost/x", PORT: "0" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/DATABASE_URL must start with "file:".*"postgresql:\/\/"/);
  });

  it("leaves no version and no file behind when the client disconnects mid-upload", async () => {
    const agent = await createAgent();
    const blobs = path.join(inject("dataDir"), "blobs");
    const me = await agent.client.json("/api/v1/me");
    // Other test files upload at the same time: look at this namespace's own folder.
    const nsId = me.body.namespaces.find((n: { name: string }) => n.name === agent.namespace).id;
    const name = uniq("interrupted.bin");
    const url = new URL(`${inject("baseUrl")}/api/v1/artifacts?namespace=${agent.namespace}&name=${name}`);
    await new Promise<void>((resolve) => {
      const req = http.request(url, {
        method: "POST",
        headers: {
          authorization: `Bearer ${agent.key}`,
          "content-type": "application/octet-stream",
          "content-length": String(4 * 1024 * 1024),
        },
      });
      req.on("error", () => resolve());
      req.on("response", () => resolve());
      const chunk = Buffer.alloc(256 * 1024, 7);
      let sent = 0;
      const pump = () => {
        if (sent >= 6) {
          // Half the declared bytes are out: the connection drops.
          setTimeout(() => req.destroy(), 200);
          return;
        }
        sent++;
        req.write(chunk, pump);
      };
      pump();
    });
    // The server notices the aborted stream and cleans up asynchronously; temp files of other
    // tests' uploads come and go, so wait for a moment when none is left.
    let temps: string[] = [];
    for (let i = 0; i < 100; i++) {
      temps = await listFiles(path.join(blobs, ".tmp"));
      if (temps.length === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(temps).toEqual([]);
    expect(await listFiles(path.join(blobs, "v1", nsId))).toEqual([]);
    const list = await agent.client.json(`/api/v1/artifacts?namespace=${agent.namespace}`);
    expect(list.body.artifacts).toEqual([]);
  });

  it("finishes an upload in flight when asked to stop", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "stowage-stop-"));
    dirs.push(dataDir);
    const db = await createTestDatabase(dataDir);
    const key = "stw_graceful_stop_admin_key_0123456789";
    const srv = await startServer({ dataDir, databaseUrl: db.url, adminKey: key });
    try {
      const url = new URL(`${srv.baseUrl}/api/v1/artifacts?namespace=agent:admin&name=in-flight.bin`);
      const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(
          url,
          { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/octet-stream" } },
          (res) => {
            let body = "";
            res.on("data", (d) => (body += d));
            res.on("end", () => resolve({ status: res.statusCode!, body }));
          },
        );
        req.on("error", reject);
        req.write(Buffer.alloc(64 * 1024, 1));
        // The stop request arrives while the body is still coming.
        setTimeout(() => {
          srv.process.kill("SIGTERM");
          setTimeout(() => req.end(Buffer.alloc(64 * 1024, 2)), 300);
        }, 200);
      });
      const { status, body } = await response;
      expect(status).toBe(201);
      expect(JSON.parse(body).version.sizeBytes).toBe(128 * 1024);
      if (srv.process.exitCode === null) await new Promise((r) => srv.process.once("exit", r));
      expect(srv.process.exitCode).toBe(0);
      expect(srv.output()).toContain("SIGTERM received");
    } finally {
      await srv.stop();
      await db.drop();
    }
  });
});
