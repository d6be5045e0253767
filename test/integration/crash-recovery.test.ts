import http from "node:http";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { clientFor, createAgent, uniq } from "../support/api.ts";
import { listFiles } from "../support/list-files.ts";
import { startSideServer } from "../support/side-server.ts";
import { sqlAt } from "../support/db-at.ts";
import { waitFor } from "../support/wait-for.ts";
import { createTestBucket, s3ServerEnv, testS3, testS3Client } from "../support/test-s3.ts";
import { createTestDatabase } from "../support/test-database.ts";

const s3 = testS3();

type TBackend = { env: Record<string, string>; versionKeys: () => Promise<string[]>; cleanup: () => Promise<void> };

const backends: [string, (dataDir: string) => Promise<TBackend>][] = [
  [
    "filesystem",
    async (dataDir) => ({
      env: {},
      versionKeys: async () => (await listFiles(path.join(dataDir, "blobs"))).filter((f) => f.startsWith("v1/")),
      cleanup: async () => undefined,
    }),
  ],
];
if (s3) {
  backends.push([
    "S3",
    async () => {
      const { bucket, drop } = await createTestBucket(s3);
      const client = testS3Client(s3);
      return {
        env: s3ServerEnv(s3, bucket),
        versionKeys: async () =>
          ((await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: "v1/" }))).Contents ?? []).map((o) => o.Key!),
        cleanup: drop,
      };
    },
  ]);
}

describe.each(backends)("a server killed between the blob write and the commit (%s)", (_label, makeBackend) => {
  it("leaves an orphan that the next start reclaims, with usage exactly the stored versions", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "stowage-crash-"));
    const database = await createTestDatabase(dataDir);
    const backend = await makeBackend(dataDir);
    const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => sqlAt<T>(database.url, query, params);
    let second: Awaited<ReturnType<typeof startSideServer>> | undefined;
    try {
      // Test-only: each put waits 3 s after its bytes are stored, before the commit (see
      // lib/storage/test-pause-after-put.ts), so the kill lands between the two.
      const first = await startSideServer({
        dataDir,
        databaseUrl: database.url,
        env: { ...backend.env, STOWAGE_TEST_PAUSE_AFTER_PUT_MS: "3000" },
      });
      const agent = await createAgent(uniq("crash"), {}, first.admin);
      const kept = await agent.client.upload({ namespace: agent.namespace, name: "kept.txt" }, "kept bytes");
      expect(kept.status).toBe(201);
      const committed = new Set(await backend.versionKeys());
      expect(committed.size).toBe(1);

      const size = 256 * 1024;
      const req = http.request(
        `${first.server.baseUrl}/api/v1/artifacts?${new URLSearchParams({ namespace: agent.namespace, name: "lost.bin" })}`,
        {
          method: "POST",
          headers: { authorization: `Bearer ${agent.key}`, "content-type": "application/octet-stream", "content-length": String(size) },
        },
      );
      // The server dies under it.
      req.on("error", () => undefined);
      req.end(Buffer.alloc(size, 7));
      const orphan = await waitFor("the stored bytes", async () => (await backend.versionKeys()).find((k) => !committed.has(k)), {
        timeoutMs: 20_000,
      });
      first.server.process.kill("SIGKILL");
      await once(first.server.process, "exit");

      // Bytes without a row: exactly what a crash there leaves.
      expect(await sql(`SELECT "id" FROM "ArtifactVersion" WHERE "storageKey" = $1`, [orphan])).toEqual([]);
      expect(await backend.versionKeys()).toContain(orphan);

      second = await startSideServer({ dataDir, databaseUrl: database.url, env: { ...backend.env, ARTIFACT_ORPHAN_GRACE_MINUTES: "0" } });
      await waitFor("the orphan sweep", async () => !(await backend.versionKeys()).includes(orphan));
      expect(await backend.versionKeys()).toEqual([...committed]);
      // The sweep logs its line after its last delete, and the line comes through a pipe: wait for it too.
      const server = second.server;
      await waitFor("the sweep's log line", async () => server.output().includes("removed 1 orphan blob(s)"), { timeoutMs: 10_000 });

      const client = clientFor(second.server.baseUrl, agent.key);
      const usage = (await client.json(`/api/v1/namespaces/${agent.namespace}/usage`)).body;
      const [total] = await sql<{ sum: number | string }>(
        `SELECT SUM(v."sizeBytes") AS "sum" FROM "ArtifactVersion" v JOIN "Artifact" a ON a."id" = v."artifactId" JOIN "Namespace" n ON n."id" = a."namespaceId" WHERE n."name" = $1`,
        [agent.namespace],
      );
      expect(usage).toMatchObject({ usedBytes: 10, artifactCount: 1, versionCount: 1 });
      expect(Number(total!.sum)).toBe(usage.usedBytes);
      expect(
        (await client.json(`/api/v1/artifacts?namespace=${agent.namespace}`)).body.artifacts.map((a: { name: string }) => a.name),
      ).toEqual(["kept.txt"]);
      const download = await client.request(`/api/v1/artifacts/${kept.body.artifact.id}/content`);
      expect(await download.text()).toBe("kept bytes");
      // The same name publishes fine afterwards.
      expect((await client.upload({ namespace: agent.namespace, name: "lost.bin" }, "second try")).status).toBe(201);
    } finally {
      await second?.stop();
      await backend.cleanup();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
