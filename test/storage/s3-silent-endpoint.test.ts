import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlobStoreUnavailableError, type BlobStore } from "../../lib/storage/blob-store";
import { createS3BlobStore } from "../../lib/storage/s3-blob-store";
import { startSilentEndpoint, type TSilentEndpoint } from "../support/silent-endpoint";

// An upper bound for a hang, not a speed goal: the old driver waited 120 s per attempt, 3 attempts.
const BOUND_MS = 15_000;

async function failsWithin(what: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  const error = await what().then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, ms: Date.now() - started };
}

describe("s3 driver against an endpoint that accepts connections and never answers", () => {
  let silent: TSilentEndpoint;
  let store: BlobStore;

  beforeAll(async () => {
    silent = await startSilentEndpoint();
    store = createS3BlobStore({
      bucket: "hung",
      endpoint: silent.url,
      forcePathStyle: true,
      credentials: { accessKeyId: "key", secretAccessKey: "secret" },
    });
  });
  afterAll(() => silent?.close());

  const calls: [string, () => Promise<unknown>][] = [
    ["put (small body)", () => store.put("hung/small", Readable.from([Buffer.from("hello")]))],
    ["put (multipart body)", () => store.put("hung/big", Readable.from([Buffer.alloc(9 * 1024 * 1024)]))],
    ["stat", () => store.stat("hung/object")],
    ["delete", () => store.delete("hung/object")],
    [
      "list",
      async () => {
        for await (const _ of store.list("hung/")) void _;
      },
    ],
    ["get", () => store.get("hung/object")],
    ["multipart start", () => store.multipart!.start("hung/direct")],
  ];

  // A body over 1 MiB is a transfer, timed by idleness (15 s with nothing sent or received).
  it("put (a 2 MiB body in one request) rejects with BlobStoreUnavailableError within 25 s", { timeout: 60_000 }, async () => {
    const { error, ms } = await failsWithin(() => store.put("hung/middle", Readable.from([Buffer.alloc(2 * 1024 * 1024)])));
    expect(error).toBeInstanceOf(BlobStoreUnavailableError);
    expect(ms).toBeLessThan(25_000);
  });

  for (const [name, call] of calls) {
    it(`${name} rejects with BlobStoreUnavailableError within ${BOUND_MS / 1000} s`, { timeout: 60_000 }, async () => {
      const { error, ms } = await failsWithin(call);
      expect(error).toBeInstanceOf(BlobStoreUnavailableError);
      expect(ms).toBeLessThan(BOUND_MS);
    });
  }
});
