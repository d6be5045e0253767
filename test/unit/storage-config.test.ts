import { afterEach, describe, expect, it } from "vitest";
import { getConfig, resetConfigForTests } from "@/lib/config";
import { StowageError } from "@/lib/errors";
import { getBlobStore, getWriteBlobStore } from "@/lib/storage/get-blob-store";

const KEYS = [
  "STOWAGE_STORAGE_BACKEND",
  "S3_BUCKET",
  "S3_ENDPOINT",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
  "S3_FORCE_PATH_STYLE",
  "PRESIGNED_URL_EXPIRY_SECONDS",
];

function withEnv(env: Record<string, string>) {
  for (const k of KEYS) delete process.env[k];
  Object.assign(process.env, env);
  resetConfigForTests();
}

describe("storage configuration", () => {
  const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetConfigForTests();
  });

  it("writes to the filesystem by default and to S3 once S3_BUCKET is set", () => {
    withEnv({});
    expect(getWriteBlobStore().backend).toBe("fs");
    withEnv({ S3_BUCKET: "artifacts", S3_ENDPOINT: "http://127.0.0.1:9", S3_FORCE_PATH_STYLE: "true" });
    expect(getWriteBlobStore().backend).toBe("s3:artifacts");
    expect(getConfig().s3).toMatchObject({ bucket: "artifacts", forcePathStyle: true, credentials: undefined });
    withEnv({ S3_BUCKET: "artifacts", STOWAGE_STORAGE_BACKEND: "fs" });
    expect(getWriteBlobStore().backend).toBe("fs");
  });

  it("reads each version from the bucket it records, whatever the current bucket", () => {
    withEnv({ S3_BUCKET: "new-bucket", S3_ENDPOINT: "http://127.0.0.1:9" });
    expect(getBlobStore("s3:old-bucket").backend).toBe("s3:old-bucket");
  });

  it.each([
    [{ STOWAGE_STORAGE_BACKEND: "gcs" }, /unknown storage backend "gcs" \(known: fs, s3\)/],
    [{ STOWAGE_STORAGE_BACKEND: "s3" }, /S3_BUCKET is not set/],
    [{ S3_BUCKET: "b", S3_ACCESS_KEY_ID: "only-the-id" }, /both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/],
    [{ S3_BUCKET: "b", S3_FORCE_PATH_STYLE: "yes" }, /S3_FORCE_PATH_STYLE/],
    [{ PRESIGNED_URL_EXPIRY_SECONDS: "30" }, /PRESIGNED_URL_EXPIRY_SECONDS/],
    [{ PRESIGNED_URL_EXPIRY_SECONDS: "604801" }, /PRESIGNED_URL_EXPIRY_SECONDS/],
  ])("refuses %j, naming what is wrong", (env, message) => {
    withEnv(env);
    expect(() => getConfig()).toThrow(message);
  });

  it("names an unknown recorded backend, and S3 bytes without S3 settings, as unavailable", () => {
    withEnv({});
    for (const [backend, message] of [
      ["tape", /unknown storage backend "tape"/],
      ["s3:b", /S3 is not configured/],
    ] as const) {
      let error: unknown;
      try {
        getBlobStore(backend);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(StowageError);
      expect(error).toMatchObject({ code: "ARTIFACT_STORAGE_UNAVAILABLE", message: expect.stringMatching(message) });
    }
  });
});
