import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Stowage, StowageError } from "../../packages/client/src/index.ts";
import { createAgent, uniq } from "../support/api.ts";
import { startS3SideServer } from "../support/side-server.ts";
import { testS3 } from "../support/test-s3.ts";

const sha = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
const bytesOf = (size: number) => Uint8Array.from({ length: size }, (_, i) => (i * 37 + 11) % 251);

// The SDK against a server that keeps bytes in the real S3 server: downloads are 302s to
// presigned S3 URLs, which the SDK follows without sending its key there.
const s3 = testS3();
describe.skipIf(!s3)("the TypeScript SDK against a server storing in S3", () => {
  let side: Awaited<ReturnType<typeof startS3SideServer>>;
  let agent: Awaited<ReturnType<typeof createAgent>>;
  let scratch: string;
  /** Every answer the SDK got: the URL asked, the URL that answered (after redirects), and whether the key went along. */
  const answers: { asked: string; answeredBy: string; status: number; withKey: boolean }[] = [];
  let stowage: Stowage;

  beforeAll(async () => {
    side = await startS3SideServer(s3!);
    agent = await createAgent(uniq("sdk-s3"), {}, side.admin);
    scratch = mkdtempSync(path.join(os.tmpdir(), "stowage-sdk-s3-"));
    stowage = new Stowage({
      url: side.server.baseUrl,
      apiKey: agent.key,
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        const withKey = new Headers(init?.headers).has("authorization");
        answers.push({ asked: String(input), answeredBy: res.url, status: res.status, withKey });
        return res;
      },
    });
  });
  afterAll(async () => {
    await side?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("publishes text and bytes, and downloads them from S3 itself: bytes, text, a range, a file", async () => {
    const name = `${uniq("s3")}/data.bin`;
    const data = bytesOf(300_000);
    await stowage.publish("first", { namespace: agent.namespace, name });
    const published = await stowage.publish(data, { namespace: agent.namespace, name, metadata: { kind: "bytes" } });
    expect(published.version).toMatchObject({ version: 1, sizeBytes: 300_000, sha256: sha(data), metadata: { kind: "bytes" } });

    answers.length = 0;
    const body = await stowage.artifacts.download(published.artifact.id);
    expect(body.status).toBe(200);
    expect(body.size).toBe(300_000);
    expect(sha(await body.bytes())).toBe(sha(data));
    // Stowage answers a 302, whose headers say which version it is; S3 gets no key.
    const [redirect, fromS3] = answers;
    expect(redirect).toMatchObject({ status: 302, withKey: true });
    expect(redirect!.asked).toContain(`/api/v1/artifacts/${published.artifact.id}/content`);
    expect(fromS3).toMatchObject({ status: 200, withKey: false });
    expect(fromS3!.answeredBy.startsWith(`${s3!.endpoint}/${side.bucket}/`)).toBe(true);
    expect(answers).toHaveLength(2);
    expect(body.version).toEqual(published.version);
    expect(body.sha256).toBe(sha(data));

    expect(await (await stowage.artifacts.download(published.artifact.id, { version: 0 })).text()).toBe("first");

    const part = await stowage.artifacts.download(published.artifact.id, { range: { start: 1000, end: 1999 } });
    expect(part.status).toBe(206);
    expect(part.range).toEqual({ start: 1000, end: 1999, total: 300_000 });
    expect(await part.bytes()).toEqual(data.slice(1000, 2000));

    const target = path.join(scratch, "out.bin");
    expect(await (await stowage.artifacts.download(published.artifact.id)).toFile(target)).toEqual({ path: target, bytes: 300_000 });
    expect(sha(readFileSync(target))).toBe(sha(data));
    expect(readdirSync(scratch)).toEqual(["out.bin"]);
  });

  it("downloads by namespace, session and name in one request to Stowage, knowing the version", async () => {
    const key = { namespace: agent.namespace, sessionId: uniq("chat"), name: `${uniq("by-name")}/notes.md` };
    const first = await stowage.publish("# v0", { ...key, metadata: { step: 0 } });
    const second = await stowage.publish("# v1", { ...key, metadata: { step: 1 } });
    answers.length = 0;
    const latest = await stowage.artifacts.download(key);
    expect(await latest.text()).toBe("# v1");
    expect(latest.version).toEqual(second.version);
    expect(answers.filter((a) => a.asked.startsWith(side.server.baseUrl))).toHaveLength(1);
    expect(answers[0]!.asked).toContain("/api/v1/artifacts/lookup/content?");

    const older = await stowage.artifacts.download(key, { version: 0, range: { start: 2, end: 3 } });
    expect(older.status).toBe(206);
    expect(await older.text()).toBe("v0");
    expect(older.version).toEqual(first.version);
    await expect(stowage.artifacts.download({ ...key, sessionId: "another" })).rejects.toMatchObject({
      code: "ARTIFACT_NOT_FOUND",
      status: 404,
    });
  });

  it("url() is a presigned S3 URL and share() a revocable link; both work without a key", async () => {
    const { artifact } = await stowage.publish("shared from S3", { namespace: agent.namespace, name: uniq("shared") + ".txt" });
    const direct = await stowage.artifacts.url(artifact.id, { expiresIn: 120 });
    expect(direct.url.startsWith(`${s3!.endpoint}/${side.bucket}/`)).toBe(true);
    expect(await (await fetch(direct.url)).text()).toBe("shared from S3");

    const link = await stowage.artifacts.share(artifact.id, { expiresIn: 600 });
    expect(link.url.startsWith(side.server.baseUrl)).toBe(true);
    expect(await (await fetch(link.url)).text()).toBe("shared from S3");
  });

  it("deletes a version and the artifact; their bytes no longer download", async () => {
    const name = uniq("gone") + ".txt";
    await stowage.publish("v0", { namespace: agent.namespace, name });
    const { artifact } = await stowage.publish("v1", { namespace: agent.namespace, name });
    await stowage.artifacts.delete(artifact.id, { version: 0 });
    const missing = await stowage.artifacts.download(artifact.id, { version: 0 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(missing).toBeInstanceOf(StowageError);
    expect(missing).toMatchObject({ code: "ARTIFACT_NOT_FOUND", status: 404 });
    expect(await (await stowage.artifacts.download(artifact.id)).text()).toBe("v1");

    await stowage.artifacts.delete(artifact.id);
    await expect(stowage.artifacts.get(artifact.id)).rejects.toMatchObject({ code: "ARTIFACT_NOT_FOUND", status: 404 });
  });
});
