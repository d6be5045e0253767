import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { ListMultipartUploadsCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { adminApi, createAgent, uniq, type TClient } from "../support/api.ts";
import { queryRows } from "../support/db-query.ts";
import { listFiles } from "../support/list-files.ts";
import { startS3SideServer } from "../support/side-server.ts";
import { testS3, testS3Client } from "../support/test-s3.ts";

const MiB = 1024 * 1024;
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

type TContext = {
  admin: TClient;
  backend: "fs" | "s3";
  /** Where part URLs must point. */
  partOrigin: string;
  /** Every stored object and unfinished multipart upload, to prove nothing is left behind. */
  storedObjects: (namespace: string) => Promise<string[]>;
  pendingMultipart: () => Promise<number>;
};

/**
 * The direct-upload API as a client uses it, run once per storage backend: the same client code
 * must work whether the parts go to S3 (presigned URLs) or to Stowage (signed URLs).
 */
function describeDirectUploads(label: string, context: () => TContext) {
  describe(`direct uploads (${label})`, () => {
    let ctx: TContext;
    let agent: Awaited<ReturnType<typeof createAgent>>;
    const file = randomBytes(10 * MiB + 1000);

    beforeAll(async () => {
      ctx = context();
      agent = await createAgent(uniq("uploader"), {}, ctx.admin);
    });

    async function start(body: Record<string, unknown>, client = agent.client) {
      return client.json("/api/v1/uploads", {
        method: "POST",
        json: { namespace: agent.namespace, name: uniq("big") + ".bin", partSize: 5 * MiB, ...body },
      });
    }
    async function partUrls(id: string, partNumbers: number[], client = agent.client) {
      return client.json(`/api/v1/uploads/${id}/parts`, { method: "POST", json: { partNumbers } });
    }
    /** PUTs with plain fetch: part URLs carry their own authorization. */
    async function put(url: string, bytes: Uint8Array) {
      return fetch(url, { method: "PUT", body: bytes as BodyInit });
    }
    const partOf = (n: number, bytes = file) => bytes.subarray((n - 1) * 5 * MiB, Math.min(n * 5 * MiB, bytes.length));
    async function sendParts(id: string, numbers: number[], bytes = file) {
      const urls = await partUrls(id, numbers);
      expect(urls.status).toBe(200);
      for (const part of urls.body.parts) {
        const res = await put(part.url, partOf(part.partNumber, bytes));
        expect(res.status, await res.clone().text()).toBe(200);
      }
    }

    it("sends parts out of order without credentials, then publishes one verified version", async () => {
      const started = await start({
        size: file.length,
        sha256: sha256(file),
        contentType: "application/octet-stream",
        tags: ["big"],
        metadata: { source: "test" },
        sessionId: "s1",
        runId: "r1",
      });
      expect(started.status, JSON.stringify(started.body)).toBe(201);
      expect(started.body).toMatchObject({ status: "pending", sizeBytes: file.length, partSize: 5 * MiB, partCount: 3 });

      const urls = await partUrls(started.body.id, [3, 1, 2]);
      expect(urls.body.parts.map((p: { partNumber: number; size: number }) => [p.partNumber, p.size])).toEqual([
        [1, 5 * MiB],
        [2, 5 * MiB],
        [3, 1000],
      ]);
      for (const part of urls.body.parts) expect(part.url.startsWith(ctx.partOrigin)).toBe(true);
      for (const n of [3, 1, 2]) {
        const res = await put(urls.body.parts[n - 1].url, partOf(n));
        expect(res.status).toBe(200);
      }
      const state = await agent.client.json(`/api/v1/uploads/${started.body.id}`);
      expect(state.body.parts).toEqual([
        { partNumber: 1, size: 5 * MiB },
        { partNumber: 2, size: 5 * MiB },
        { partNumber: 3, size: 1000 },
      ]);

      const done = await agent.client.json(`/api/v1/uploads/${started.body.id}/complete`, { method: "POST" });
      expect(done.status, JSON.stringify(done.body)).toBe(201);
      expect(done.body.version).toMatchObject({
        version: 0,
        sizeBytes: file.length,
        sha256: sha256(file),
        mimeType: "application/octet-stream",
        metadata: { source: "test" },
      });
      expect(done.body.artifact).toMatchObject({ tags: ["big"], sessionId: "s1" });

      // Same bytes back, through whatever delivery the backend uses.
      const content = await agent.client.request(`/api/v1/artifacts/${done.body.artifact.id}/content`);
      expect(content.status).toBe(200);
      expect(sha256(new Uint8Array(await content.arrayBuffer()))).toBe(sha256(file));
      const run = await agent.client.json(`/api/v1/runs/r1/artifacts?namespace=${agent.namespace}`);
      expect(run.body.artifacts.map((a: { id: string }) => a.id)).toContain(done.body.artifact.id);

      // Completing again answers the same version instead of publishing another.
      const again = await agent.client.json(`/api/v1/uploads/${started.body.id}/complete`, { method: "POST" });
      expect(again.status).toBe(200);
      expect(again.body.version).toEqual(done.body.version);
      expect((await agent.client.json(`/api/v1/artifacts/${done.body.artifact.id}/versions`)).body.versions).toHaveLength(1);
      expect((await agent.client.json(`/api/v1/uploads/${started.body.id}`)).body).toMatchObject({
        status: "completed",
        artifactId: done.body.artifact.id,
        version: 0,
      });
    });

    it("resumes after a lost connection: lists the parts stored and sends only the rest", async () => {
      const started = await start({ size: file.length });
      const id = started.body.id;
      await sendParts(id, [1]);
      // Part 2 is cut off midway: the connection drops.
      const [part2] = (await partUrls(id, [2])).body.parts;
      const broken = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(partOf(2).subarray(0, MiB));
          setTimeout(() => controller.error(new Error("connection lost")), 50);
        },
      });
      await expect(
        fetch(part2.url, { method: "PUT", body: broken, headers: { "content-length": String(5 * MiB) }, duplex: "half" } as RequestInit),
      ).rejects.toThrow();

      const state = await agent.client.json(`/api/v1/uploads/${id}`);
      expect(state.body.status).toBe("pending");
      expect(state.body.parts.map((p: { partNumber: number }) => p.partNumber)).toEqual([1]);
      const stored = new Set(state.body.parts.map((p: { partNumber: number }) => p.partNumber));
      const missing = Array.from({ length: state.body.partCount }, (_, i) => i + 1).filter((n) => !stored.has(n));
      await sendParts(id, missing);
      const done = await agent.client.json(`/api/v1/uploads/${id}/complete`, { method: "POST" });
      expect(done.status).toBe(201);
      expect(done.body.version.sha256).toBe(sha256(file));
    });

    it("completing with parts missing or of the wrong size keeps the upload open", async () => {
      const started = await start({ size: file.length });
      const id = started.body.id;
      await sendParts(id, [2]);
      const early = await agent.client.json(`/api/v1/uploads/${id}/complete`, { method: "POST" });
      expect(early.status).toBe(400);
      expect(early.body.error).toMatchObject({ code: "ARTIFACT_VALIDATION_FAILED", missingParts: [1, 3], missingCount: 2 });

      const [part1] = (await partUrls(id, [1])).body.parts;
      const short = await put(part1.url, partOf(1).subarray(0, 4 * MiB));
      if (ctx.backend === "fs") {
        // Stowage checks each part as it arrives.
        expect(short.status).toBe(400);
      } else {
        // S3 takes any part; completion finds it.
        expect(short.status).toBe(200);
        await sendParts(id, [3]);
        const wrong = await agent.client.json(`/api/v1/uploads/${id}/complete`, { method: "POST" });
        expect(wrong.status).toBe(400);
        expect(wrong.body.error.wrongSizeParts).toEqual([{ partNumber: 1, size: 4 * MiB, expectedBytes: 5 * MiB }]);
      }
      expect((await agent.client.json(`/api/v1/uploads/${id}`)).body.status).toBe("pending");
      await sendParts(id, [1, 3]);
      expect((await agent.client.json(`/api/v1/uploads/${id}/complete`, { method: "POST" })).status).toBe(201);
    });

    it("bytes that do not match the declared sha256 fail the upload and leave nothing stored", async () => {
      const before = await ctx.storedObjects(agent.namespace);
      const name = uniq("mismatch") + ".bin";
      const started = await start({ name, size: file.length, sha256: "0".repeat(64) });
      await sendParts(started.body.id, [1, 2, 3]);
      const done = await agent.client.json(`/api/v1/uploads/${started.body.id}/complete`, { method: "POST" });
      expect(done.status).toBe(400);
      expect(done.body.error).toMatchObject({ code: "ARTIFACT_VALIDATION_FAILED", field: "sha256", actual: sha256(file) });
      expect((await agent.client.json(`/api/v1/uploads/${started.body.id}`)).body.status).toBe("failed");
      expect((await agent.client.json(`/api/v1/artifacts?namespace=${agent.namespace}&name=${name}`)).body.artifacts).toEqual([]);
      expect(await ctx.storedObjects(agent.namespace)).toEqual(before);
    });

    it("abort discards the parts, and the upload takes nothing more", async () => {
      const started = await start({ size: file.length });
      const id = started.body.id;
      await sendParts(id, [1]);
      const [late] = (await partUrls(id, [2])).body.parts;
      const aborted = await agent.client.json(`/api/v1/uploads/${id}`, { method: "DELETE" });
      expect(aborted.status).toBe(200);
      expect(aborted.body.status).toBe("aborted");
      expect(await ctx.pendingMultipart()).toBe(0);
      expect((await agent.client.json(`/api/v1/uploads/${id}`, { method: "DELETE" })).status).toBe(200);
      expect((await partUrls(id, [2])).body.error.code).toBe("ARTIFACT_UPLOAD_CLOSED");
      const complete = await agent.client.json(`/api/v1/uploads/${id}/complete`, { method: "POST" });
      expect(complete.status).toBe(409);
      expect(complete.body.error).toMatchObject({ code: "ARTIFACT_UPLOAD_CLOSED", status: "aborted" });
      // A part URL handed out before the abort no longer stores anything.
      expect((await put(late.url, partOf(2))).status).not.toBe(200);
    });

    it("an upload is its starter's alone", async () => {
      const started = await start({ size: file.length });
      const other = await createAgent(uniq("other"), {}, ctx.admin);
      const id = started.body.id;
      expect((await other.client.json(`/api/v1/uploads/${id}`)).status).toBe(404);
      expect((await partUrls(id, [1], other.client)).status).toBe(404);
      expect((await other.client.json(`/api/v1/uploads/${id}/complete`, { method: "POST" })).status).toBe(404);
      expect((await other.client.json(`/api/v1/uploads/${id}`, { method: "DELETE" })).status).toBe(404);
      const denied = await start({ size: 10, namespace: agent.namespace }, other.client);
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe("ARTIFACT_NAMESPACE_DENIED");
      expect((await ctx.admin.json(`/api/v1/uploads/${id}`)).status).toBe(200);
      await agent.client.json(`/api/v1/uploads/${id}`, { method: "DELETE" });
    });

    it("refuses bad input with clear errors, and takes 100 GB", async () => {
      const cases: [Record<string, unknown>, number, string, string?][] = [
        [{ size: 0 }, 400, "ARTIFACT_VALIDATION_FAILED", "size"],
        [{ size: -5 }, 400, "ARTIFACT_VALIDATION_FAILED", "size"],
        [{ size: 100 * 1024 * MiB + 1 }, 413, "ARTIFACT_TOO_LARGE"],
        [{ size: 100, partSize: MiB }, 400, "ARTIFACT_VALIDATION_FAILED", "partSize"],
        [{ size: 60 * 1024 * MiB, partSize: 5 * MiB }, 400, "ARTIFACT_VALIDATION_FAILED", "partSize"],
        [{ size: 100, sha256: "xyz" }, 400, "ARTIFACT_VALIDATION_FAILED", "sha256"],
        [{ size: 100, name: "../etc/passwd" }, 400, "ARTIFACT_VALIDATION_FAILED"],
        [{ size: 100, surprise: true }, 400, "ARTIFACT_VALIDATION_FAILED"],
      ];
      for (const [body, status, code, field] of cases) {
        const res = await start(body);
        expect(res.status, JSON.stringify(body)).toBe(status);
        expect(res.body.error.code).toBe(code);
        if (field) expect(res.body.error.field).toBe(field);
      }
      // 100 GB is past the default quota: the whole size is held from the start.
      const overQuota = await agent.client.json("/api/v1/uploads", {
        method: "POST",
        json: { namespace: agent.namespace, name: "huge.bin", size: 100 * 1024 * MiB },
      });
      expect(overQuota.status).toBe(409);
      expect(overQuota.body.error).toMatchObject({ code: "ARTIFACT_QUOTA_EXCEEDED", requestedBytes: 100 * 1024 * MiB });
      const ns = encodeURIComponent(agent.namespace);
      expect((await ctx.admin.json(`/api/v1/namespaces/${ns}`, { method: "PATCH", json: { quotaBytes: 200 * 1024 * MiB } })).status).toBe(
        200,
      );
      const huge = await agent.client.json("/api/v1/uploads", {
        method: "POST",
        json: { namespace: agent.namespace, name: "huge.bin", size: 100 * 1024 * MiB },
      });
      expect(huge.status).toBe(201);
      expect((await agent.client.json(`/api/v1/namespaces/${ns}/usage`)).body.reservedBytes).toBe(100 * 1024 * MiB);
      expect(huge.body.partCount).toBeLessThanOrEqual(10_000);
      expect(huge.body.partSize * huge.body.partCount).toBeGreaterThanOrEqual(100 * 1024 * MiB);
      const outOfRange = await partUrls(huge.body.id, [huge.body.partCount + 1]);
      expect(outOfRange.status).toBe(400);
      expect((await partUrls(huge.body.id, [huge.body.partCount])).body.parts[0].size).toBe(
        100 * 1024 * MiB - (huge.body.partCount - 1) * huge.body.partSize,
      );
      await agent.client.json(`/api/v1/uploads/${huge.body.id}`, { method: "DELETE" });
      expect((await agent.client.json(`/api/v1/namespaces/${ns}/usage`)).body.reservedBytes).toBe(0);
    });

    it("a tampered part URL is refused by whoever receives the part", async () => {
      const started = await start({ size: file.length });
      const [part] = (await partUrls(started.body.id, [1])).body.parts;
      const url = new URL(part.url);
      const param = ctx.backend === "fs" ? "signature" : "X-Amz-Signature";
      const sig = url.searchParams.get(param)!;
      url.searchParams.set(param, (sig[0] === "a" ? "b" : "a") + sig.slice(1));
      // Small bodies: a server that refuses early may close before reading a large one (EPIPE).
      expect((await put(url.toString(), partOf(1).subarray(0, 1000))).status).toBe(403);
      // Another part number under the same signature is no good either.
      const other = new URL(part.url);
      other.pathname = other.pathname.replace(/\/parts\/1$/, "/parts/2");
      other.searchParams.set("partNumber", "2");
      expect((await put(other.toString(), partOf(2).subarray(0, 1000))).status).toBe(403);
      expect((await agent.client.json(`/api/v1/uploads/${started.body.id}`)).body.parts).toEqual([]);
      await agent.client.json(`/api/v1/uploads/${started.body.id}`, { method: "DELETE" });
    });
  });
}

describeDirectUploads("filesystem", () => ({
  admin: adminApi(),
  backend: "fs",
  partOrigin: `${inject("baseUrl")}/api/v1/uploads/`,
  // The shared server has other writers: look at this namespace's keys only.
  storedObjects: async (namespace) => {
    const [ns] = await queryRows<{ id: string }>(`SELECT "id" FROM "Namespace" WHERE "name" = $1`, [namespace]);
    return (await listFiles(path.join(inject("dataDir"), "blobs", "v1", ns!.id))).sort();
  },
  pendingMultipart: async () => (await listFiles(path.join(inject("dataDir"), "blobs", ".uploads"))).length,
}));

const s3 = testS3();
describe.skipIf(!s3)("on S3", () => {
  let side: Awaited<ReturnType<typeof startS3SideServer>>;

  beforeAll(async () => {
    side = await startS3SideServer(s3!);
  });
  afterAll(async () => {
    await side?.stop();
  });

  describeDirectUploads("S3", () => {
    const client = testS3Client(s3!);
    return {
      admin: side.admin,
      backend: "s3",
      partOrigin: `${s3!.endpoint}/${side.bucket}/v1/`,
      storedObjects: async () =>
        ((await client.send(new ListObjectsV2Command({ Bucket: side.bucket }))).Contents ?? []).map((o) => o.Key!).sort(),
      pendingMultipart: async () => ((await client.send(new ListMultipartUploadsCommand({ Bucket: side.bucket }))).Uploads ?? []).length,
    };
  });
});
