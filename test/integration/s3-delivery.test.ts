import { createHash, randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent, uniq } from "../support/api.ts";
import { startS3SideServer, startSideServer } from "../support/side-server.ts";
import { createTestBucket, s3ServerEnv, testS3, testS3Client, type TTestS3 } from "../support/test-s3.ts";

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const root = path.resolve(import.meta.dirname, "../..");
const s3 = testS3();

describe.skipIf(!s3)("S3 backend: presigned delivery", () => {
  let side: Awaited<ReturnType<typeof startS3SideServer>>;
  let agent: Awaited<ReturnType<typeof createAgent>>;

  beforeAll(async () => {
    side = await startS3SideServer(s3!, { PRESIGNED_URL_EXPIRY_SECONDS: "600", ARTIFACT_MAX_SIZE_MB: "64" });
    agent = await createAgent(uniq("s3agent"), {}, side.admin);
  });
  afterAll(async () => {
    await side?.stop();
  });

  async function upload(name: string, body: Uint8Array | string, contentType = "text/plain") {
    const res = await agent.client.upload({ namespace: agent.namespace, name }, body, { contentType });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { artifact: { id: string }; version: { version: number; sha256: string } };
  }

  it("stores uploads in the bucket, streamed through multipart, with the sha256 of what arrived", async () => {
    const big = randomBytes(20 * 1024 * 1024 + 17);
    const { version } = await upload("big.bin", big, "application/octet-stream");
    expect(version.sha256).toBe(sha256(big));
    const objects = (await testS3Client(s3!).send(new ListObjectsV2Command({ Bucket: side.bucket }))).Contents ?? [];
    expect(objects.some((o) => o.Size === big.length && /^v1\/[a-z0-9]+\/[a-z0-9]+$/.test(o.Key!))).toBe(true);
  });

  it("GET content redirects to a presigned S3 URL that S3 answers with our type and disposition", async () => {
    const { artifact, version } = await upload("notes.txt", "hello from s3");
    const res = await agent.client.request(`/api/v1/artifacts/${artifact.id}/content`, { redirect: "manual" });
    expect(res.status).toBe(302);
    const location = res.headers.get("location")!;
    expect(location.startsWith(`${s3!.endpoint}/${side.bucket}/`)).toBe(true);
    expect(new URL(location).searchParams.get("X-Amz-Expires")).toBe("600");
    expect(res.headers.get("cache-control")).toBe("no-store");

    const direct = await fetch(location);
    expect(direct.status).toBe(200);
    expect(await direct.text()).toBe("hello from s3");
    expect(direct.headers.get("content-type")).toBe("text/plain");
    expect(direct.headers.get("content-disposition")).toMatch(/^inline; filename="notes.txt"/);

    // Following the redirect with a Range works end to end.
    const ranged = await agent.client.request(`/api/v1/artifacts/${artifact.id}/content`, { headers: { range: "bytes=6-9" } });
    expect(ranged.status).toBe(206);
    expect(await ranged.text()).toBe("from");

    // Conditional and HEAD requests are answered by Stowage from the version record.
    const cached = await agent.client.request(`/api/v1/artifacts/${artifact.id}/content`, {
      headers: { "if-none-match": `"${version.sha256}"` },
      redirect: "manual",
    });
    expect(cached.status).toBe(304);
    const head = await agent.client.request(`/api/v1/artifacts/${artifact.id}/content`, { method: "HEAD", redirect: "manual" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe("13");
  });

  it("active content is delivered as an attachment, even from S3", async () => {
    const { artifact } = await upload("page.html", "<script>alert(1)</script>", "text/html");
    const res = await agent.client.request(`/api/v1/artifacts/${artifact.id}/content`, { redirect: "manual" });
    const direct = await fetch(res.headers.get("location")!);
    expect(direct.headers.get("content-disposition")).toMatch(/^attachment;/);
  });

  it("GET /url gives {url, expiresAt}; S3 rejects the URL once its signature is tampered with", async () => {
    const { artifact } = await upload("data.csv", "a,b\n1,2\n", "text/csv");
    const res = await agent.client.json(`/api/v1/artifacts/${artifact.id}/url?expiresIn=120&download=1`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 0, delivery: "s3" });
    const expiresIn = (Date.parse(res.body.expiresAt) - Date.now()) / 1000;
    expect(expiresIn).toBeGreaterThan(110);
    expect(expiresIn).toBeLessThanOrEqual(120);
    const ok = await fetch(res.body.url);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-disposition")).toMatch(/^attachment;/);

    const url = new URL(res.body.url);
    const sig = url.searchParams.get("X-Amz-Signature")!;
    url.searchParams.set("X-Amz-Signature", (sig[0] === "0" ? "1" : "0") + sig.slice(1));
    expect((await fetch(url)).status).toBe(403);
    // Stretching the expiry breaks the signature too.
    const longer = new URL(res.body.url);
    longer.searchParams.set("X-Amz-Expires", "604800");
    expect((await fetch(longer)).status).toBe(403);

    const tooLong = await agent.client.json(`/api/v1/artifacts/${artifact.id}/url?expiresIn=601`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.field).toBe("expiresIn");
  });

  it("mints nothing for someone who may not read the artifact", async () => {
    const { artifact } = await upload("private.txt", "secret");
    const other = await createAgent(uniq("outsider"), {}, side.admin);
    const content = await other.client.request(`/api/v1/artifacts/${artifact.id}/content`, { redirect: "manual" });
    expect(content.status).toBe(404);
    expect(content.headers.get("location")).toBeNull();
    expect((await other.client.json(`/api/v1/artifacts/${artifact.id}/url`)).status).toBe(404);
    expect((await other.client.json(`/api/v1/artifacts/${artifact.id}/share`, { method: "POST" })).status).toBe(404);
    const anonymous = await fetch(`${side.server.baseUrl}/api/v1/artifacts/${artifact.id}/url`);
    expect(anonymous.status).toBe(401);
  });

  it("share links redirect to a presigned URL that never outlives the link, and carry a direct URL", async () => {
    const { artifact } = await upload("shared.txt", "shared bytes");
    const share = await agent.client.json(`/api/v1/artifacts/${artifact.id}/share`, { method: "POST", json: { expiresIn: 90 } });
    expect(share.status).toBe(201);
    expect(share.body.url.startsWith(side.server.baseUrl)).toBe(true);
    const opened = await fetch(share.body.url, { redirect: "manual" });
    expect(opened.status).toBe(302);
    const presignedFor = Number(new URL(opened.headers.get("location")!).searchParams.get("X-Amz-Expires"));
    expect(presignedFor).toBeLessThanOrEqual(90);
    expect(presignedFor).toBeGreaterThan(80);
    expect(await (await fetch(share.body.url)).text()).toBe("shared bytes");

    expect(share.body.directUrl.startsWith(`${s3!.endpoint}/${side.bucket}/`)).toBe(true);
    expect(new URL(share.body.directUrl).searchParams.get("X-Amz-Expires")).toBe("90");
    expect(await (await fetch(share.body.directUrl)).text()).toBe("shared bytes");
  });
});

/** Its own S3 server, since this test stops it. */
describe.skipIf(!s3)("S3 backend: the S3 server goes away", () => {
  let own: TTestS3 & { dir: string };
  let side: Awaited<ReturnType<typeof startSideServer>>;

  beforeAll(async () => {
    const out = execFileSync("bash", [path.join(root, "scripts/start-test-s3.sh")], { encoding: "utf8" });
    const env = Object.fromEntries(
      out
        .trim()
        .split("\n")
        .map((l) => l.split("=", 2) as [string, string]),
    );
    own = {
      endpoint: env.TEST_S3_ENDPOINT!,
      accessKeyId: env.TEST_S3_ACCESS_KEY!,
      secretAccessKey: env.TEST_S3_SECRET_KEY!,
      region: "us-east-1",
      dir: env.TEST_S3_DIR!,
    };
    const bucket = await createTestBucket(own);
    side = await startSideServer({ env: s3ServerEnv(own, bucket.bucket) });
  }, 120_000);
  afterAll(async () => {
    await side?.stop();
    if (own) execFileSync("bash", [path.join(root, "scripts/stop-test-s3.sh"), own.dir]);
  });

  it("answers 503 ARTIFACT_STORAGE_UNAVAILABLE with nothing recorded, while the rest keeps working", async () => {
    const agent = await createAgent(uniq("outage"), {}, side.admin);
    const first = await agent.client.upload({ namespace: agent.namespace, name: "before.txt" }, "stored while S3 was up");
    expect(first.status).toBe(201);

    execFileSync("bash", [path.join(root, "scripts/s3/stop-rgw.sh"), path.join(own.dir, "rgw")], { stdio: "ignore" });

    const startedAt = Date.now();
    const failed = await agent.client.upload({ namespace: agent.namespace, name: "during.txt" }, "S3 is down");
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe("ARTIFACT_STORAGE_UNAVAILABLE");
    expect(Date.now() - startedAt).toBeLessThan(20_000);
    const direct = await agent.client.json("/api/v1/uploads", {
      method: "POST",
      json: { namespace: agent.namespace, name: "big.bin", size: 10 * 1024 * 1024 },
    });
    expect(direct.status).toBe(503);

    // Nothing was recorded, and reading metadata does not need S3.
    const list = await agent.client.json(`/api/v1/artifacts?namespace=${agent.namespace}`);
    expect(list.status).toBe(200);
    expect(list.body.artifacts.map((a: { name: string }) => a.name)).toEqual(["before.txt"]);
    expect((await agent.client.json(`/api/v1/artifacts/${first.body.artifact.id}`)).status).toBe(200);
    expect((await agent.client.json(`/api/v1/artifacts/${first.body.artifact.id}/versions`)).body.versions).toHaveLength(1);
    const usage = await agent.client.json(`/api/v1/namespaces/${encodeURIComponent(agent.namespace)}/usage`);
    expect(usage.body).toMatchObject({ artifactCount: 1, versionCount: 1 });
    expect((await fetch(`${side.server.baseUrl}/`)).status).toBe(200);
    expect((await fetch(`${side.server.baseUrl}/api/v1/health`)).status).toBe(200);
  });
});
