import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Stowage, StowageError, type Progress } from "../../packages/client/src/index.ts";
import { adminApi, createAgent, uniq, type TClient } from "../support/api.ts";
import { startS3SideServer } from "../support/side-server.ts";
import { testS3 } from "../support/test-s3.ts";

const MiB = 1024 * 1024;
const sha = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");
/** A small threshold and the server's smallest part size keep the files small: 12 MiB = 3 parts. */
const SMALL = { multipartThreshold: 8 * MiB, partSize: 5 * MiB };
const SIZE = 12 * MiB + 123;

type TCall = { method: string; url: string; authorized: boolean; status?: number };

/** Real fetch, with every request written down; `onResponse` may act on an answer before the SDK sees it. */
function recording(onResponse?: (call: TCall, res: Response) => void) {
  const calls: TCall[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const call: TCall = {
      method: init?.method ?? "GET",
      url: String(input),
      authorized: new Headers(init?.headers).has("authorization"),
    };
    calls.push(call);
    const res = await fetch(input, init);
    call.status = res.status;
    onResponse?.(call, res);
    return res;
  };
  const puts = () => calls.filter((c) => c.method === "PUT");
  /** The part numbers PUT, from Stowage's part URLs (/parts/N) or S3's (?partNumber=N). */
  const partNumbers = () => puts().map((c) => Number(/\/parts\/(\d+)\?|[?&]partNumber=(\d+)/.exec(c.url)?.slice(1).find(Boolean)));
  return { fetch: wrapped, calls, puts, partNumbers };
}

function expectProgressUpTo(progress: Progress[], total: number) {
  expect(progress.length).toBeGreaterThan(3);
  expect(progress.every((p) => p.total === total)).toBe(true);
  const loaded = progress.map((p) => p.loaded);
  expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
  expect(progress.at(-1)).toEqual({ loaded: total, total });
}

/** The publish → parts → complete path for a file on disk, on any backend: where the parts go is the only difference. */
async function publishesFileInParts(o: { baseUrl: string; admin: TClient; partOrigin: string; scratch: string }) {
  const agent = await createAgent(uniq("sdk-du"), {}, o.admin);
  const data = randomBytes(SIZE);
  const file = path.join(o.scratch, `${uniq("model")}.bin`);
  writeFileSync(file, data);
  const rec = recording();
  const stowage = new Stowage({ url: o.baseUrl, apiKey: agent.key, fetch: rec.fetch });
  const started: string[] = [];
  const progress: Progress[] = [];
  const published = await stowage.publish(
    { path: file },
    {
      namespace: agent.namespace,
      ...SMALL,
      tags: ["big"],
      onUploadStarted: (id) => void started.push(id),
      onProgress: (p) => progress.push(p),
    },
  );
  expect(published.artifact).toMatchObject({ name: path.basename(file), tags: ["big"] });
  expect(published.version).toMatchObject({ version: 0, sizeBytes: SIZE, sha256: sha(data) });

  // It went as a direct upload: no one-request POST, three parts PUT to part URLs without the key.
  expect(rec.calls.some((c) => c.url.includes("/api/v1/artifacts?"))).toBe(false);
  expect(rec.partNumbers().sort()).toEqual([1, 2, 3]);
  for (const put of rec.puts()) {
    expect(put.url.startsWith(o.partOrigin), put.url).toBe(true);
    expect(put.authorized).toBe(false);
  }
  expect(started).toHaveLength(1);
  expect(await stowage.uploads.get(started[0]!)).toMatchObject({
    status: "completed",
    partCount: 3,
    partSize: 5 * MiB,
    sizeBytes: SIZE,
    artifactId: published.artifact.id,
    version: 0,
  });
  expectProgressUpTo(progress, SIZE);

  const body = await stowage.artifacts.download(published.artifact.id);
  expect(sha(await body.bytes())).toBe(sha(data));
}

describe("the SDK's direct uploads (filesystem backend)", () => {
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(path.join(os.tmpdir(), "stowage-sdk-du-"));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  /** A fresh agent (its own quota and reservations) and a file of SIZE random bytes. */
  async function setup() {
    const agent = await createAgent(uniq("sdk-du"));
    const data = randomBytes(SIZE);
    const file = path.join(scratch, `${uniq("data")}.bin`);
    writeFileSync(file, data);
    return { agent, data, file };
  }
  const client = (key: string, rec = recording()) => ({
    rec,
    stowage: new Stowage({ url: inject("baseUrl"), apiKey: key, fetch: rec.fetch }),
  });

  it("publishes a file path above the threshold in parts, with progress up to the total", async () => {
    await publishesFileInParts({
      baseUrl: inject("baseUrl"),
      admin: adminApi(),
      partOrigin: `${inject("baseUrl")}/api/v1/uploads/`,
      scratch,
    });
  });

  it("keeps small data in one POST, and sends data the server finds too large for one request in parts", async () => {
    const { agent } = await setup();
    const { rec, stowage } = client(agent.key);
    const started: string[] = [];
    const onUploadStarted = (id: string) => void started.push(id);
    const small = randomBytes(MiB);
    await stowage.publish(small, { namespace: agent.namespace, name: uniq("small.bin"), ...SMALL, onUploadStarted });
    expect(started).toEqual([]);
    expect(rec.puts()).toEqual([]);

    // The shared server takes at most 5 MB in one request; 6 MiB is below the default threshold.
    const bytes = randomBytes(6 * MiB);
    const published = await stowage.publish(bytes, {
      namespace: agent.namespace,
      name: uniq("six.bin"),
      partSize: 5 * MiB,
      onUploadStarted,
    });
    expect(published.version).toMatchObject({ sizeBytes: 6 * MiB, sha256: sha(bytes) });
    expect(rec.calls.filter((c) => c.url.includes("/api/v1/artifacts?")).map((c) => c.status)).toEqual([201, 413]);
    expect(started).toHaveLength(1);
    // Bytes in memory are hashed first, so the server checks them on completion.
    expect(await stowage.uploads.get(started[0]!)).toMatchObject({ status: "completed", sha256: sha(bytes), partCount: 2 });
  });

  it("publishes a Node stream of a declared size, read one part at a time; a stream shorter than declared aborts", async () => {
    const { agent, data } = await setup();
    const { rec, stowage } = client(agent.key);
    // Chunks that straddle the part boundaries.
    const chunks = (bytes: Buffer) =>
      Readable.from(
        (function* () {
          for (let at = 0; at < bytes.length; at += 700_001) yield bytes.subarray(at, at + 700_001);
        })(),
      );
    const started: string[] = [];
    const progress: Progress[] = [];
    const published = await stowage.publish(chunks(data), {
      namespace: agent.namespace,
      name: uniq("stream.bin"),
      size: SIZE,
      ...SMALL,
      partConcurrency: 2,
      onUploadStarted: (id) => void started.push(id),
      onProgress: (p) => progress.push(p),
    });
    expect(published.version).toMatchObject({ sizeBytes: SIZE, sha256: sha(data) });
    expect(rec.partNumbers().sort()).toEqual([1, 2, 3]);
    expect(await stowage.uploads.get(started[0]!)).toMatchObject({ status: "completed", sha256: null });
    expectProgressUpTo(progress, SIZE);

    const short = await stowage
      .publish(chunks(data.subarray(0, 11 * MiB)), {
        namespace: agent.namespace,
        name: uniq("short.bin"),
        size: SIZE,
        ...SMALL,
        onUploadStarted: (id) => void started.push(id),
      })
      .catch((e: unknown) => e);
    expect(short).toBeInstanceOf(StowageError);
    expect(short).toMatchObject({ code: "ARTIFACT_VALIDATION_FAILED", details: { field: "size" } });
    expect(started).toHaveLength(2);
    expect((await stowage.uploads.get(started[1]!)).status).toBe("aborted");
  });

  it("resumes an interrupted upload, sending only the parts the server does not have", async () => {
    const { agent, data, file } = await setup();
    const interrupt = new AbortController();
    // Stops everything as soon as the first part is stored.
    const first = client(
      agent.key,
      recording((call, res) => {
        if (call.method === "PUT" && res.ok) interrupt.abort();
      }),
    );
    const started: string[] = [];
    const name = uniq("resumed.bin");
    const aborted = await first.stowage
      .publish(
        { path: file },
        {
          namespace: agent.namespace,
          name,
          ...SMALL,
          partConcurrency: 1,
          resumable: true,
          signal: interrupt.signal,
          onUploadStarted: (id) => void started.push(id),
        },
      )
      .catch((e: unknown) => e);
    expect(aborted).toMatchObject({ name: "AbortError" });
    expect(first.rec.partNumbers()).toEqual([1]);
    const [id] = started;
    // Kept open, as asked, with part 1 stored.
    expect(await first.stowage.uploads.get(id!)).toMatchObject({ status: "pending", parts: [{ partNumber: 1, size: 5 * MiB }] });

    // A later process with the saved id: no new upload, parts 2 and 3 only.
    const second = client(agent.key);
    const progress: Progress[] = [];
    const published = await second.stowage.publish(
      { path: file },
      { namespace: agent.namespace, resumeUploadId: id, partConcurrency: 2, onProgress: (p) => progress.push(p) },
    );
    expect(published.artifact.name).toBe(name);
    expect(published.version).toMatchObject({ version: 0, sizeBytes: SIZE, sha256: sha(data) });
    expect(second.rec.partNumbers().sort()).toEqual([2, 3]);
    expect(second.rec.calls.some((c) => c.method === "POST" && c.url.endsWith("/api/v1/uploads"))).toBe(false);
    expect(progress[0]).toEqual({ loaded: 5 * MiB, total: SIZE });
    expectProgressUpTo(progress, SIZE);
    expect(await second.stowage.uploads.get(id!)).toMatchObject({ status: "completed", artifactId: published.artifact.id });

    // Resuming a completed upload (a process that died before the answer) answers its version.
    const again = await second.stowage.publish({ path: file }, { namespace: agent.namespace, resumeUploadId: id });
    expect(again.version).toEqual(published.version);
  });

  it("an abort without resumable aborts the upload: its parts are gone and its quota hold released", async () => {
    const { agent, file } = await setup();
    const interrupt = new AbortController();
    const { rec, stowage } = client(
      agent.key,
      recording((call, res) => {
        if (call.method === "PUT" && res.ok) interrupt.abort(new Error("stop"));
      }),
    );
    const started: string[] = [];
    const error = await stowage
      .publish(
        { path: file },
        {
          namespace: agent.namespace,
          ...SMALL,
          partConcurrency: 1,
          signal: interrupt.signal,
          onUploadStarted: (id) => void started.push(id),
        },
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ message: "stop" });
    expect(rec.puts()).toHaveLength(1);
    expect(rec.calls.at(-1)).toMatchObject({ method: "DELETE", status: 200 });
    const upload = await stowage.uploads.get(started[0]!);
    expect(upload.status).toBe("aborted");
    expect(upload.parts).toBeUndefined();
    expect(await stowage.usage(agent.namespace)).toMatchObject({ usedBytes: 0, reservedBytes: 0 });
    // Aborting again is fine.
    expect((await stowage.uploads.abort(started[0]!)).status).toBe("aborted");
  });

  it("sends ifNoneMatch, ifMatch and the Idempotency-Key when the upload starts", async () => {
    const { agent, data } = await setup();
    const { rec, stowage } = client(agent.key);
    const name = uniq("guarded.bin");
    const options = { namespace: agent.namespace, name, ...SMALL };
    const first = await stowage.publish(data, { ...options, ifNoneMatch: "*", idempotencyKey: "direct-key-1" });
    expect(first.version.version).toBe(0);
    // The same key and request again answers the first version (the key applies on completion).
    const replay = await stowage.publish(data, { ...options, idempotencyKey: "direct-key-1" });
    expect(replay.version).toEqual(first.version);

    const before = rec.calls.length;
    const conflict = await stowage.publish(data, { ...options, ifNoneMatch: "*" }).catch((e: unknown) => e);
    expect(conflict).toMatchObject({ code: "ARTIFACT_VERSION_CONFLICT", status: 412 });
    const stale = await stowage.publish(data, { ...options, ifMatch: 7 }).catch((e: unknown) => e);
    expect(stale).toMatchObject({ code: "ARTIFACT_VERSION_CONFLICT", status: 412 });
    // Refused when starting: no part was sent.
    expect(rec.calls.slice(before).map((c) => `${c.method} ${new URL(c.url).pathname}`)).toEqual([
      "POST /api/v1/uploads",
      "POST /api/v1/uploads",
    ]);

    const next = await stowage.publish(data, { ...options, ifMatch: 0 });
    expect(next.version.version).toBe(1);
  });

  it("a quota refusal at the start is ARTIFACT_QUOTA_EXCEEDED before any part is sent", async () => {
    const { agent, file } = await setup();
    const patched = await adminApi().json(`/api/v1/namespaces/${encodeURIComponent(agent.namespace)}`, {
      method: "PATCH",
      json: { quotaBytes: MiB },
    });
    expect(patched.status).toBe(200);
    const { rec, stowage } = client(agent.key);
    const started: string[] = [];
    const error = await stowage
      .publish({ path: file }, { namespace: agent.namespace, ...SMALL, onUploadStarted: (id) => void started.push(id) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StowageError);
    expect(error).toMatchObject({ code: "ARTIFACT_QUOTA_EXCEEDED", status: 409, details: { requestedBytes: SIZE, quotaBytes: MiB } });
    expect(started).toEqual([]);
    expect(rec.calls.map((c) => `${c.method} ${new URL(c.url).pathname}`)).toEqual(["POST /api/v1/uploads"]);
  });
});

const s3 = testS3();
describe.skipIf(!s3)("the SDK's direct uploads (S3 backend)", () => {
  let side: Awaited<ReturnType<typeof startS3SideServer>>;
  let scratch: string;
  beforeAll(async () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), "stowage-sdk-du-s3-"));
    side = await startS3SideServer(s3!);
  });
  afterAll(async () => {
    await side?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("publishes a file path in parts PUT straight to presigned S3 URLs", async () => {
    await publishesFileInParts({ baseUrl: side.server.baseUrl, admin: side.admin, partOrigin: `${s3!.endpoint}/${side.bucket}/`, scratch });
  });
});
