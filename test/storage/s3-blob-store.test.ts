import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlobStoreUnavailableError, type BlobStore } from "../../lib/storage/blob-store";
import { createS3BlobStore, type S3BlobStoreOptions } from "../../lib/storage/s3-blob-store";
import { createTestBucket, testS3 } from "../support/test-s3";
import { describeBlobStoreConformance } from "./blob-store-conformance";

const s3 = testS3();

function options(bucket: string): S3BlobStoreOptions {
  return {
    bucket,
    endpoint: s3!.endpoint,
    region: s3!.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s3!.accessKeyId, secretAccessKey: s3!.secretAccessKey },
  };
}

// The same suite as the filesystem driver, against a real S3 server (Ceph RADOS Gateway).
describe.skipIf(!s3)("s3 driver", () => {
  describeBlobStoreConformance("s3", async () => {
    const { bucket, drop } = await createTestBucket(s3!);
    return { store: createS3BlobStore(options(bucket)), cleanup: drop };
  });

  describe("presigned GET URLs, checked by the real server", () => {
    let store: BlobStore;
    let drop: () => Promise<void>;
    const key = "presign/object";
    const presign = (expiresInSeconds: number) =>
      store.presignGet!(key, {
        expiresInSeconds,
        contentType: "text/csv",
        contentDisposition: 'attachment; filename="r.csv"',
        cacheControl: "private, no-cache",
      });

    beforeAll(async () => {
      const bucket = await createTestBucket(s3!);
      drop = bucket.drop;
      store = createS3BlobStore(options(bucket.bucket));
      await store.put(key, Readable.from([Buffer.from("a,b\n1,2\n")]));
    });
    afterAll(() => drop());

    it("serves the bytes with the response headers it was signed for", async () => {
      const res = await fetch(await presign(60));
      expect(res.status).toBe(200);
      expect(await res.text()).toBe("a,b\n1,2\n");
      expect(res.headers.get("content-type")).toBe("text/csv");
      expect(res.headers.get("content-disposition")).toBe('attachment; filename="r.csv"');
    });

    it("is refused once its signature or its signed headers are altered", async () => {
      const url = new URL(await presign(60));
      const tampered = new URL(url);
      const sig = url.searchParams.get("X-Amz-Signature")!;
      tampered.searchParams.set("X-Amz-Signature", (sig[0] === "0" ? "1" : "0") + sig.slice(1));
      expect((await fetch(tampered)).status).toBe(403);
      const retyped = new URL(url);
      retyped.searchParams.set("response-content-type", "text/html");
      expect((await fetch(retyped)).status).toBe(403);
    });

    it("is refused once it has expired", async () => {
      const url = await presign(1);
      await new Promise((r) => setTimeout(r, 2_100));
      const res = await fetch(url);
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain("a,b");
    });
  });

  it("writes S3_PUBLIC_ENDPOINT into presigned URLs, still signed so that S3 accepts them", async () => {
    const { bucket, drop } = await createTestBucket(s3!);
    try {
      // The same server by another name, as clients outside the server's network would reach it.
      const publicEndpoint = s3!.endpoint.replace("127.0.0.1", "localhost");
      const store = createS3BlobStore({ ...options(bucket), publicEndpoint });
      await store.put("public/object", Readable.from([Buffer.from("via the public name")]));
      const url = await store.presignGet!("public/object", {
        expiresInSeconds: 60,
        contentType: "text/plain",
        contentDisposition: "inline",
      });
      expect(url.startsWith(`${publicEndpoint}/${bucket}/public/object?`)).toBe(true);
      expect(await (await fetch(url)).text()).toBe("via the public name");
      const partUrl = await store.multipart.partUrl("public/part", await store.multipart.start("public/part"), 1, 60);
      expect(partUrl!.startsWith(publicEndpoint)).toBe(true);
    } finally {
      await drop();
    }
  });

  it("reports an unreachable server as unavailable, quickly", async () => {
    const store = createS3BlobStore({ ...options("any"), endpoint: "http://127.0.0.1:9" });
    const startedAt = Date.now();
    await expect(store.put("k", Readable.from([Buffer.from("x")]))).rejects.toBeInstanceOf(BlobStoreUnavailableError);
    await expect(store.stat("k")).rejects.toBeInstanceOf(BlobStoreUnavailableError);
    await expect(store.multipart.start("k")).rejects.toBeInstanceOf(BlobStoreUnavailableError);
    expect(Date.now() - startedAt).toBeLessThan(15_000);
  });

  it("reports refused credentials as unavailable, not as a missing object", async () => {
    const store = createS3BlobStore({ ...options("any"), credentials: { accessKeyId: "wrong", secretAccessKey: "wrong" } });
    await expect(store.stat("k")).rejects.toBeInstanceOf(BlobStoreUnavailableError);
  });
});
