import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientFor, createAgent, uniq, type TClient } from "../support/api.ts";
import { startSideServer } from "../support/side-server.ts";
import { createTestDatabase, type TTestDatabase } from "../support/test-database.ts";
import { createTestBucket, s3ServerEnv, testS3, testS3Client } from "../support/test-s3.ts";

const root = path.resolve(import.meta.dirname, "../..");
const s3 = testS3();
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * One installation (one database, one data dir) whose configuration changes from the
 * filesystem to S3 and back, with the operator's migration command in between: every version
 * keeps downloading, wherever its bytes are at the time.
 */
describe.skipIf(!s3)("switching storage backends loses nothing", () => {
  let dataDir: string;
  let database: TTestDatabase;
  let bucket: Awaited<ReturnType<typeof createTestBucket>>;
  let s3Env: Record<string, string>;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "stowage-switch-"));
    database = await createTestDatabase(dataDir);
    bucket = await createTestBucket(s3!);
    s3Env = s3ServerEnv(s3!, bucket.bucket);
  });
  afterAll(async () => {
    await bucket?.drop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const serverWith = (env: Record<string, string>) => startSideServer({ dataDir, databaseUrl: database.url, env });

  function migrate(...args: string[]) {
    const result = spawnSync(
      process.execPath,
      ["--import", "./scripts/register-hooks.mjs", "scripts/stowage-admin.ts", "migrate-storage", ...args],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: database.url, STOWAGE_DATA_DIR: dataDir, ...s3Env },
        encoding: "utf8",
      },
    );
    expect(result.status, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as { copied: number; failed: unknown[]; missing: unknown[]; remaining: number };
  }

  async function expectContent(client: TClient, id: string, version: number, text: string, delivery: "s3" | "stowage") {
    const first = await client.request(`/api/v1/artifacts/${id}/content?version=${version}`, { redirect: "manual" });
    expect(first.status).toBe(delivery === "s3" ? 302 : 200);
    const res = delivery === "s3" ? await fetch(first.headers.get("location")!) : first;
    expect(await res.text()).toBe(text);
  }

  const bucketKeys = async () =>
    ((await testS3Client(s3!).send(new ListObjectsV2Command({ Bucket: bucket.bucket }))).Contents ?? []).map((o) => o.Key!);

  it("filesystem → S3 → migrate → back to the filesystem", async () => {
    // 1. The embedded default: bytes on the filesystem.
    let server = await serverWith({});
    const agent = await createAgent(uniq("switch"), {}, server.admin);
    const v0 = await agent.client.upload({ namespace: agent.namespace, name: "report.txt" }, "version zero, on disk");
    expect(v0.status).toBe(201);
    const id = v0.body.artifact.id as string;
    await server.stop({ keepData: true });

    // 2. S3 configured: new versions go to S3, the old one still downloads from disk.
    server = await serverWith(s3Env);
    let client = clientFor(server.server.baseUrl, agent.key);
    await expectContent(client, id, 0, "version zero, on disk", "stowage");
    const v1 = await client.upload({ namespace: agent.namespace, name: "report.txt" }, "version one, in S3");
    expect(v1.body.version.version).toBe(1);
    await expectContent(client, id, 1, "version one, in S3", "s3");
    expect(await bucketKeys()).toHaveLength(1);

    // 3. The operator moves the old bytes while the server runs; downloads switch over.
    const toS3 = migrate("--from", "fs", "--to", "s3");
    expect(toS3).toMatchObject({ copied: 1, failed: [], missing: [], remaining: 0 });
    await expectContent(client, id, 0, "version zero, on disk", "s3");
    expect(await bucketKeys()).toHaveLength(2);
    await server.stop({ keepData: true });

    // 4. Back to the filesystem for new uploads, S3 still configured for what is there.
    server = await serverWith({ ...s3Env, STOWAGE_STORAGE_BACKEND: "fs" });
    client = clientFor(server.server.baseUrl, agent.key);
    const v2 = await client.upload({ namespace: agent.namespace, name: "report.txt" }, "version two, on disk again");
    expect(v2.body.version.sha256).toBe(sha256("version two, on disk again"));
    await expectContent(client, id, 0, "version zero, on disk", "s3");
    await expectContent(client, id, 1, "version one, in S3", "s3");
    await expectContent(client, id, 2, "version two, on disk again", "stowage");

    const toFs = migrate("--from", "s3", "--to", "fs", "--delete-source");
    expect(toFs).toMatchObject({ copied: 2, failed: [], missing: [], remaining: 0 });
    expect(await bucketKeys()).toEqual([]);
    for (const [version, text] of [
      [0, "version zero, on disk"],
      [1, "version one, in S3"],
      [2, "version two, on disk again"],
    ] as const) {
      await expectContent(client, id, version, text, "stowage");
    }
    await server.stop({ keepData: true });
  });
});
