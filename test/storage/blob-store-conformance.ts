import { createHash, randomBytes, randomUUID } from "node:crypto";
import { Readable, Writable } from "node:stream";
import { setImmediate as nextTick } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  BlobExistsError,
  BlobNotFoundError,
  BlobSizeMismatchError,
  BlobTooLargeError,
  type BlobListing,
  type BlobStore,
  type UploadedPart,
} from "../../lib/storage/blob-store";

const ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const INVALID_KEYS = ["../x", "/abs", "a//b", "a/./b", "A", "a\\b", ""];
const MiB = 1024 * 1024;

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Deterministic content as a function of position, so any range can be recomputed. */
function byteAt(position: number, seed: number): number {
  return (position * 31 + (position >>> 9) + seed * 97) & 0xff;
}

function patternBytes(start: number, length: number, seed = 0): Buffer {
  const out = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i++) out[i] = byteAt(start + i, seed);
  return out;
}

/** Yields `total` bytes in irregular chunk sizes so drivers see unaligned boundaries. */
async function* patternStream(total: number, seed = 0): AsyncGenerator<Uint8Array> {
  const sizes = [1, 4093, 65536, 300_000, 17, 1_048_577];
  let position = 0;
  for (let i = 0; position < total; i++) {
    const length = Math.min(sizes[i % sizes.length]!, total - position);
    yield patternBytes(position, length, seed);
    position += length;
  }
}

/** Yields `bytes` in 8 KiB slices, as a network body would arrive. */
async function* chunked(bytes: Buffer): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += 8192) {
    yield bytes.subarray(offset, offset + 8192);
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function getBytes(store: BlobStore, key: string): Promise<Buffer> {
  return readAll(await store.get(key));
}

/** Sends a part the way a client would: to the presigned URL when the driver gives one. */
async function sendPart(store: BlobStore, key: string, uploadId: string, partNumber: number, bytes: Buffer): Promise<void> {
  const url = await store.multipart.partUrl(key, uploadId, partNumber, 300);
  if (url === null) {
    await store.multipart.putPart(key, uploadId, partNumber, chunked(bytes), bytes.length);
    return;
  }
  const response = await fetch(url, { method: "PUT", body: new Uint8Array(bytes) });
  if (!response.ok) throw new Error(`part upload answered ${response.status}: ${await response.text()}`);
}

/** A body whose first chunk is delivered, then stalls until `release` is called. */
function stalledBody(first: Uint8Array, rest: Uint8Array) {
  let release!: () => void;
  let started!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const firstChunkTaken = new Promise<void>((resolve) => (started = resolve));
  async function* body(): AsyncGenerator<Uint8Array> {
    yield first;
    started();
    await gate;
    yield rest;
  }
  return { body: body(), release, firstChunkTaken };
}

/**
 * The behaviour every BlobStore driver must have. Uses only the interface, so it runs
 * unchanged against any backend; each test writes under its own unique key prefix.
 */
export function describeBlobStoreConformance(name: string, setup: () => Promise<{ store: BlobStore; cleanup: () => Promise<void> }>): void {
  describe(`BlobStore conformance: ${name}`, () => {
    let store: BlobStore;
    let cleanup: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      ({ store, cleanup } = await setup());
    });

    afterAll(async () => {
      await cleanup?.();
    });

    const newKey = (suffix = "blob") => `conformance/${randomUUID()}/${suffix}`;

    describe("put and get", () => {
      it("round-trips bytes with correct size and sha256", async () => {
        const key = newKey();
        const bytes = patternBytes(0, 10_000, 1);
        const result = await store.put(key, Readable.from([bytes]));
        expect(result).toEqual({ size: bytes.length, sha256: sha256(bytes) });
        expect((await getBytes(store, key)).equals(bytes)).toBe(true);
      });

      it("accepts a plain async iterable body", async () => {
        const key = newKey();
        const chunks = [Buffer.from("hello "), Buffer.from("world")];
        async function* body() {
          yield* chunks;
        }
        const result = await store.put(key, body());
        expect(result).toEqual({ size: 11, sha256: sha256(Buffer.from("hello world")) });
        expect((await getBytes(store, key)).toString()).toBe("hello world");
      });

      it("hashes the known vector 'abc'", async () => {
        const key = newKey();
        const result = await store.put(key, Readable.from([Buffer.from("abc")]));
        expect(result).toEqual({ size: 3, sha256: ABC_SHA256 });
      });

      it("stores an empty object", async () => {
        const key = newKey();
        const result = await store.put(key, Readable.from([]));
        expect(result).toEqual({ size: 0, sha256: EMPTY_SHA256 });
        expect(await store.exists(key)).toBe(true);
        expect(await store.stat(key)).toEqual({ size: 0 });
        expect((await getBytes(store, key)).length).toBe(0);
      });

      it("streams a multi-MB object from a generator", async () => {
        const key = newKey();
        const total = 5 * MiB + 12_345;
        const expectedHash = createHash("sha256");
        for await (const chunk of patternStream(total, 2)) expectedHash.update(chunk);
        const expected = expectedHash.digest("hex");

        const result = await store.put(key, patternStream(total, 2));
        expect(result).toEqual({ size: total, sha256: expected });

        const readHash = createHash("sha256");
        let readSize = 0;
        for await (const chunk of await store.get(key)) {
          readHash.update(chunk);
          readSize += chunk.length;
        }
        expect(readSize).toBe(total);
        expect(readHash.digest("hex")).toBe(expected);
        expect(await store.stat(key)).toEqual({ size: total });
      });
    });

    describe("ranges", () => {
      const size = 1000;
      const bytes = patternBytes(0, size, 3);
      let key: string;

      beforeAll(async () => {
        key = newKey();
        await store.put(key, Readable.from([bytes]));
      });

      it.each([
        ["first byte", 0, 0],
        ["middle", 100, 199],
        ["last byte", size - 1, size - 1],
        ["whole object", 0, size - 1],
      ])("returns the %s", async (_label, start, end) => {
        const got = await readAll(await store.get(key, { start, end }));
        expect(got.equals(bytes.subarray(start, end + 1))).toBe(true);
      });

      it("returns a range spanning chunk boundaries of a large object", async () => {
        const bigKey = newKey();
        const total = 3 * MiB + 100;
        await store.put(bigKey, patternStream(total, 4));
        const start = MiB - 5;
        const end = 3 * MiB + 7;
        const got = await readAll(await store.get(bigKey, { start, end }));
        expect(got.equals(patternBytes(start, end - start + 1, 4))).toBe(true);
      });
    });

    describe("stat, exists and delete", () => {
      it("reports existence and size before and after put and delete", async () => {
        const key = newKey();
        expect(await store.exists(key)).toBe(false);
        expect(await store.stat(key)).toBeNull();

        await store.put(key, Readable.from([Buffer.from("12345")]));
        expect(await store.exists(key)).toBe(true);
        expect(await store.stat(key)).toEqual({ size: 5 });

        await store.delete(key);
        expect(await store.exists(key)).toBe(false);
        expect(await store.stat(key)).toBeNull();
        await expect(store.get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
      });

      it("deleting a missing key succeeds", async () => {
        await expect(store.delete(newKey())).resolves.toBeUndefined();
      });

      it("get of a missing key throws BlobNotFoundError carrying the key", async () => {
        const key = newKey();
        await expect(store.get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
        await expect(store.get(key, { start: 0, end: 0 })).rejects.toMatchObject({ key });
      });

      it("a prefix of stored keys is not itself an object", async () => {
        const key = newKey("child");
        await store.put(key, Readable.from([Buffer.from("x")]));
        const parent = key.slice(0, key.lastIndexOf("/"));
        expect(await store.exists(parent)).toBe(false);
        expect(await store.stat(parent)).toBeNull();
        await expect(store.get(parent)).rejects.toBeInstanceOf(BlobNotFoundError);
      });
    });

    describe("overwrite and concurrency", () => {
      it("a second put replaces the content", async () => {
        const key = newKey();
        await store.put(key, Readable.from([Buffer.from("first version")]));
        const result = await store.put(key, Readable.from([Buffer.from("second")]));
        expect(result.size).toBe(6);
        expect((await getBytes(store, key)).toString()).toBe("second");
        expect(await store.stat(key)).toEqual({ size: 6 });
      });

      it("concurrent puts to one key leave exactly one complete version", async () => {
        const key = newKey();
        const total = 256 * 1024 + 3;
        const expected = new Map<string, number>();
        const puts = Array.from({ length: 10 }, async (_, seed) => {
          const bytes = patternBytes(0, total, seed + 10);
          expected.set(sha256(bytes), seed);
          async function* slowly() {
            for (let offset = 0; offset < total; offset += 16 * 1024) {
              await nextTick();
              yield bytes.subarray(offset, offset + 16 * 1024);
            }
          }
          return store.put(key, slowly());
        });
        const results = await Promise.all(puts);
        for (const result of results) expect(expected.has(result.sha256)).toBe(true);

        const stored = await getBytes(store, key);
        expect(stored.length).toBe(total);
        expect(expected.has(sha256(stored))).toBe(true);
      });

      it("concurrent puts to different keys all round-trip", async () => {
        const prefix = newKey("dir");
        const entries = Array.from({ length: 20 }, (_, i) => ({
          key: `${prefix}/item-${i}`,
          bytes: patternBytes(0, 50_000 + i * 997, i + 30),
        }));
        await Promise.all(entries.map(({ key, bytes }) => store.put(key, chunked(bytes))));
        for (const { key, bytes } of entries) {
          expect((await getBytes(store, key)).equals(bytes)).toBe(true);
        }
      });

      it("readers never see a partial object while a put is in flight", async () => {
        const key = newKey();
        const stalled = stalledBody(Buffer.from("partial-"), Buffer.from("complete"));
        const pending = store.put(key, stalled.body);
        await Promise.race([stalled.firstChunkTaken, pending]);
        expect(await store.exists(key)).toBe(false);
        await expect(store.get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
        stalled.release();
        await pending;
        expect((await getBytes(store, key)).toString()).toBe("partial-complete");
      });

      it("an in-flight overwrite keeps serving the old version until it completes", async () => {
        const key = newKey();
        await store.put(key, Readable.from([Buffer.from("old")]));
        const stalled = stalledBody(Buffer.from("new-"), Buffer.from("version"));
        const pending = store.put(key, stalled.body);
        await Promise.race([stalled.firstChunkTaken, pending]);
        expect((await getBytes(store, key)).toString()).toBe("old");
        stalled.release();
        await pending;
        expect((await getBytes(store, key)).toString()).toBe("new-version");
      });
    });

    describe("create-only puts", () => {
      it("ifAbsent creates a new object", async () => {
        const key = newKey();
        await expect(store.put(key, Readable.from([Buffer.from("fresh")]), { ifAbsent: true })).resolves.toMatchObject({ size: 5 });
        expect((await getBytes(store, key)).toString()).toBe("fresh");
      });

      it("ifAbsent on an existing key fails with BlobExistsError and keeps the object", async () => {
        const key = newKey();
        await store.put(key, Readable.from([Buffer.from("original")]));
        const put = store.put(key, Readable.from([Buffer.from("intruder")]), { ifAbsent: true });
        await expect(put).rejects.toBeInstanceOf(BlobExistsError);
        expect((await getBytes(store, key)).toString()).toBe("original");
      });
    });

    describe("multipart uploads", () => {
      const partA = patternBytes(0, 5 * MiB, 40);
      const partB = patternBytes(5 * MiB, 5 * MiB, 40);
      const tail = patternBytes(10 * MiB, 1234, 40);
      const whole = Buffer.concat([partA, partB, tail]);

      async function uploadAll(key: string): Promise<{ uploadId: string; parts: UploadedPart[] }> {
        const uploadId = await store.multipart.start(key);
        // Out of order, as parallel clients send them.
        await sendPart(store, key, uploadId, 3, tail);
        await sendPart(store, key, uploadId, 1, partA);
        await sendPart(store, key, uploadId, 2, partB);
        return { uploadId, parts: await store.multipart.listParts(key, uploadId) };
      }

      it("lists the stored parts, shows nothing before complete, and joins them in order", async () => {
        const key = newKey();
        const { uploadId, parts } = await uploadAll(key);
        expect(parts.map((p) => [p.partNumber, p.size])).toEqual([
          [1, 5 * MiB],
          [2, 5 * MiB],
          [3, 1234],
        ]);
        expect(await store.exists(key)).toBe(false);
        const done = await store.multipart.complete(key, uploadId, parts);
        expect(done.size).toBe(whole.length);
        if (done.sha256 !== undefined) expect(done.sha256).toBe(sha256(whole));
        expect(sha256(await getBytes(store, key))).toBe(sha256(whole));
        await expect(store.multipart.listParts(key, uploadId)).rejects.toBeInstanceOf(BlobNotFoundError);
      });

      it("a part sent again replaces the earlier one (a resumed client)", async () => {
        const key = newKey();
        const uploadId = await store.multipart.start(key);
        await sendPart(store, key, uploadId, 1, patternBytes(0, 5 * MiB, 41));
        await sendPart(store, key, uploadId, 1, partA);
        await sendPart(store, key, uploadId, 2, tail);
        const parts = await store.multipart.listParts(key, uploadId);
        expect(parts.map((p) => p.size)).toEqual([5 * MiB, 1234]);
        await store.multipart.complete(key, uploadId, parts);
        expect(sha256(await getBytes(store, key))).toBe(sha256(Buffer.concat([partA, tail])));
      });

      it("abort discards the parts, and aborting again succeeds", async () => {
        const key = newKey();
        const uploadId = await store.multipart.start(key);
        await sendPart(store, key, uploadId, 1, tail);
        await store.multipart.abort(key, uploadId);
        await store.multipart.abort(key, uploadId);
        await expect(store.multipart.listParts(key, uploadId)).rejects.toBeInstanceOf(BlobNotFoundError);
        expect(await store.exists(key)).toBe(false);
      });

      it("a part with more bytes than declared is refused", async () => {
        const key = newKey();
        const uploadId = await store.multipart.start(key);
        const put = store.multipart.putPart(key, uploadId, 1, chunked(patternBytes(0, 6000)), 5000);
        await expect(put).rejects.toSatisfy((e) => e instanceof BlobTooLargeError || e instanceof BlobSizeMismatchError);
        expect(await store.multipart.listParts(key, uploadId)).toEqual([]);
        await store.multipart.abort(key, uploadId);
      });

      it("complete never replaces an existing object", async () => {
        const key = newKey();
        const uploadId = await store.multipart.start(key);
        await sendPart(store, key, uploadId, 1, tail);
        const parts = await store.multipart.listParts(key, uploadId);
        await store.put(key, Readable.from([Buffer.from("already here")]));
        await expect(store.multipart.complete(key, uploadId, parts)).rejects.toBeInstanceOf(BlobExistsError);
        expect((await getBytes(store, key)).toString()).toBe("already here");
        await store.multipart.abort(key, uploadId);
      });

      it("removeIncomplete discards uploads untouched since the cutoff, not committed objects", async () => {
        const key = newKey();
        await store.put(key, Readable.from([Buffer.from("committed")]));
        const pendingKey = newKey();
        const uploadId = await store.multipart.start(pendingKey);
        await sendPart(store, pendingKey, uploadId, 1, tail);
        expect(await store.removeIncomplete(new Date(Date.now() - 3_600_000))).toBe(0);
        expect(await store.multipart.listParts(pendingKey, uploadId)).toHaveLength(1);
        expect(await store.removeIncomplete(new Date(Date.now() + 60_000))).toBeGreaterThanOrEqual(1);
        await expect(store.multipart.listParts(pendingKey, uploadId)).rejects.toBeInstanceOf(BlobNotFoundError);
        expect((await getBytes(store, key)).toString()).toBe("committed");
      });
    });

    describe("failed puts leave nothing behind", () => {
      it("rejects with BlobTooLargeError past maxBytes and stores nothing", async () => {
        const key = newKey();
        const put = store.put(key, Readable.from([patternBytes(0, 1000)]), { maxBytes: 999 });
        await expect(put).rejects.toBeInstanceOf(BlobTooLargeError);
        await expect(put).rejects.toMatchObject({ maxBytes: 999 });
        expect(await store.exists(key)).toBe(false);
      });

      it("accepts a body of exactly maxBytes", async () => {
        const key = newKey();
        const result = await store.put(key, Readable.from([patternBytes(0, 1000)]), { maxBytes: 1000 });
        expect(result.size).toBe(1000);
      });

      it("stops reading an endless body once maxBytes is exceeded", async () => {
        const key = newKey();
        const chunkSize = 64 * 1024;
        let pulled = 0;
        let closed = false;
        async function* endless(): AsyncGenerator<Uint8Array> {
          try {
            for (;;) {
              pulled += chunkSize;
              yield Buffer.alloc(chunkSize, 7);
            }
          } finally {
            closed = true;
          }
        }
        await expect(store.put(key, endless(), { maxBytes: MiB })).rejects.toBeInstanceOf(BlobTooLargeError);
        // Allows for read-ahead buffering in a driver, but not for draining the body.
        expect(pulled).toBeLessThanOrEqual(MiB + 32 * chunkSize);
        expect(closed).toBe(true);
        expect(await store.exists(key)).toBe(false);
      });

      it("a too-large overwrite keeps the previous version", async () => {
        const key = newKey();
        await store.put(key, Readable.from([Buffer.from("keep me")]));
        await expect(store.put(key, patternStream(10_000), { maxBytes: 5000 })).rejects.toBeInstanceOf(BlobTooLargeError);
        expect((await getBytes(store, key)).toString()).toBe("keep me");
      });

      it("rejects when a generator body throws midway and stores nothing", async () => {
        const key = newKey();
        async function* broken(): AsyncGenerator<Uint8Array> {
          yield patternBytes(0, 2 * MiB);
          throw new Error("source broke");
        }
        await expect(store.put(key, broken())).rejects.toThrow("source broke");
        expect(await store.exists(key)).toBe(false);
      });

      it("rejects when a Readable body errors midway and stores nothing", async () => {
        const key = newKey();
        const body = new Readable({ read() {} });
        body.push(patternBytes(0, 100_000));
        setTimeout(() => body.destroy(new Error("connection reset")), 10);
        await expect(store.put(key, body)).rejects.toThrow("connection reset");
        expect(await store.exists(key)).toBe(false);
      });

      it("a failed overwrite keeps the previous version", async () => {
        const key = newKey();
        await store.put(key, Readable.from([Buffer.from("keep me")]));
        async function* broken(): AsyncGenerator<Uint8Array> {
          yield Buffer.from("replacement");
          throw new Error("source broke");
        }
        await expect(store.put(key, broken())).rejects.toThrow("source broke");
        expect((await getBytes(store, key)).toString()).toBe("keep me");
      });
    });

    describe("writeTo (the download path)", () => {
      /**
       * A slow sink that holds each chunk and copies it only when it calls back, so a driver that
       * reused a buffer before the callback would show up as corrupted bytes.
       */
      function lateCopySink(options: { destroyAfter?: number } = {}) {
        const parts: Buffer[] = [];
        const sink = new Writable({
          // Room for several chunks: the sink holds on to them, so a reused buffer would show.
          highWaterMark: 8 * MiB,
          write(chunk: Buffer, _encoding, callback) {
            setTimeout(() => {
              parts.push(Buffer.from(chunk));
              callback();
              if (options.destroyAfter !== undefined && parts.length >= options.destroyAfter) sink.destroy();
            }, 2);
          },
        });
        return { sink, bytes: () => Buffer.concat(parts) };
      }

      it("writes the whole object and ranges, with backpressure, byte for byte", async () => {
        const key = newKey();
        // Random, not the positional pattern: that repeats every 128 KiB, which would hide a
        // buffer reused too early.
        const content = randomBytes(5 * MiB + 123);
        await store.put(key, Readable.from([content]));
        const whole = lateCopySink();
        await store.writeTo(key, whole.sink);
        expect(whole.bytes().equals(content)).toBe(true);
        const part = lateCopySink();
        await store.writeTo(key, part.sink, { start: MiB - 5, end: 3 * MiB + 10 });
        expect(part.bytes().equals(content.subarray(MiB - 5, 3 * MiB + 11))).toBe(true);
      });

      it("throws BlobNotFoundError for a missing key before writing anything", async () => {
        const { sink, bytes } = lateCopySink();
        await expect(store.writeTo(newKey("missing"), sink)).rejects.toBeInstanceOf(BlobNotFoundError);
        expect(bytes().length).toBe(0);
      });

      it("stops quietly when the sink goes away", async () => {
        const key = newKey();
        await store.put(key, patternStream(4 * MiB, 8));
        const { sink, bytes } = lateCopySink({ destroyAfter: 1 });
        await store.writeTo(key, sink);
        expect(bytes().length).toBeLessThan(4 * MiB);
      });
    });

    describe("incomplete uploads", () => {
      it("removeIncomplete never touches committed objects, nor a put still in progress", async () => {
        const key = newKey();
        await store.put(key, Readable.from([Buffer.from("committed")]));
        let release!: () => void;
        const gate = new Promise<void>((r) => (release = r));
        async function* slow(): AsyncGenerator<Uint8Array> {
          yield Buffer.from("first half, ");
          await gate;
          yield Buffer.from("second half");
        }
        const pending = newKey();
        const put = store.put(pending, slow());
        await nextTick();
        // Only what was untouched for an hour goes: neither object qualifies.
        expect(await store.removeIncomplete(new Date(Date.now() - 3_600_000))).toBe(0);
        release();
        await put;
        expect((await getBytes(store, pending)).toString()).toBe("first half, second half");
        expect((await getBytes(store, key)).toString()).toBe("committed");
      });
    });

    describe("list", () => {
      async function collect(listing: AsyncIterable<BlobListing>): Promise<BlobListing[]> {
        const out: BlobListing[] = [];
        for await (const entry of listing) out.push(entry);
        return out.sort((a, b) => (a.key < b.key ? -1 : 1));
      }

      it("lists every object under the prefix, nested ones too, with size and time, and nothing else", async () => {
        const prefix = `${newKey("dir")}/`;
        const before = Date.now();
        await store.put(`${prefix}one`, Readable.from([Buffer.from("1")]));
        await store.put(`${prefix}two`, Readable.from([Buffer.from("22")]));
        await store.put(`${prefix}sub/three`, Readable.from([Buffer.from("333")]));
        await store.put(`${newKey("dir")}/elsewhere`, Readable.from([Buffer.from("x")]));
        const after = Date.now();
        const listed = await collect(store.list(prefix));
        expect(listed.map((e) => [e.key, e.size])).toEqual([
          [`${prefix}one`, 1],
          [`${prefix}sub/three`, 3],
          [`${prefix}two`, 2],
        ]);
        for (const e of listed) {
          expect(e.lastModified).toBeInstanceOf(Date);
          // Whole seconds on some servers, and a clock of their own: a little slack either way.
          expect(e.lastModified.getTime()).toBeGreaterThanOrEqual(before - 5_000);
          expect(e.lastModified.getTime()).toBeLessThanOrEqual(after + 5_000);
        }
        expect((await collect(store.list())).map((e) => e.key)).toContain(`${prefix}sub/three`);
      });

      it("takes a prefix that ends inside a segment", async () => {
        const base = newKey("p");
        for (const key of [`${base}/ab`, `${base}/ac/x`, `${base}/b`, `${base}-a`]) await store.put(key, Readable.from([Buffer.from("x")]));
        expect((await collect(store.list(`${base}/a`))).map((e) => e.key)).toEqual([`${base}/ab`, `${base}/ac/x`]);
        expect(await collect(store.list(`${base}/z`))).toEqual([]);
        expect(await collect(store.list(`${newKey("missing")}/`))).toEqual([]);
      });

      it("leaves out deleted objects, puts in flight and uploads not yet completed", async () => {
        const prefix = `${newKey("dir")}/`;
        await store.put(`${prefix}kept`, Readable.from([Buffer.from("kept")]));
        await store.put(`${prefix}deleted`, Readable.from([Buffer.from("gone")]));
        await store.delete(`${prefix}deleted`);
        const stalled = stalledBody(Buffer.from("partial-"), Buffer.from("complete"));
        const pending = store.put(`${prefix}in-flight`, stalled.body);
        await Promise.race([stalled.firstChunkTaken, pending]);
        const uploadId = await store.multipart.start(`${prefix}multipart`);
        await sendPart(store, `${prefix}multipart`, uploadId, 1, Buffer.from("a part"));
        try {
          expect((await collect(store.list(prefix))).map((e) => e.key)).toEqual([`${prefix}kept`]);
        } finally {
          stalled.release();
          await pending;
          await store.multipart.abort(`${prefix}multipart`, uploadId);
        }
        expect((await collect(store.list(prefix))).map((e) => e.key)).toEqual([`${prefix}in-flight`, `${prefix}kept`]);
      });

      it("goes on past the first page (S3 pages hold 1000 keys)", async () => {
        const prefix = `${newKey("many")}/`;
        const keys = Array.from({ length: 1005 }, (_, i) => `${prefix}k${String(i).padStart(4, "0")}`);
        for (let i = 0; i < keys.length; i += 50) {
          await Promise.all(keys.slice(i, i + 50).map((key) => store.put(key, Readable.from([Buffer.from("")]))));
        }
        const listed = await collect(store.list(prefix));
        expect(listed.map((e) => e.key)).toEqual(keys);
        expect(listed.every((e) => e.size === 0)).toBe(true);
      }, 120_000);

      it.each(["../", "/x", "A", "a//", "a/./", "a\\b"])("rejects the invalid prefix %j", async (prefix) => {
        await expect(collect(store.list(prefix))).rejects.toThrow(/invalid blob key prefix/);
      });
    });

    describe("key validation", () => {
      it.each(INVALID_KEYS)("rejects the invalid key %j everywhere", async (key) => {
        const invalid = /invalid blob key/;
        await expect(store.put(key, Readable.from([Buffer.from("x")]))).rejects.toThrow(invalid);
        await expect(store.get(key)).rejects.toThrow(invalid);
        await expect(store.delete(key)).rejects.toThrow(invalid);
        await expect(store.stat(key)).rejects.toThrow(invalid);
        await expect(store.exists(key)).rejects.toThrow(invalid);
      });
    });
  });
}
