import { randomBytes } from "node:crypto";
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";

export type TTestS3 = { endpoint: string; accessKeyId: string; secretAccessKey: string; region: string };

/**
 * The S3 server `npm test` starts (scripts/start-test-s3.sh), or undefined when a test file runs
 * on its own without one. Under CI a missing server is an error, never a silent skip.
 */
export function testS3(): TTestS3 | undefined {
  const endpoint = process.env.TEST_S3_ENDPOINT;
  if (!endpoint) {
    if (process.env.CI) throw new Error("TEST_S3_ENDPOINT is not set: run the tests through `npm test`, which starts an S3 server");
    return undefined;
  }
  return { endpoint, accessKeyId: process.env.TEST_S3_ACCESS_KEY!, secretAccessKey: process.env.TEST_S3_SECRET_KEY!, region: "us-east-1" };
}

export function testS3Client(s3: TTestS3): S3Client {
  return new S3Client({
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/** A new empty bucket; `drop` empties and removes it. */
export async function createTestBucket(s3: TTestS3): Promise<{ bucket: string; drop: () => Promise<void> }> {
  const client = testS3Client(s3);
  const bucket = `stowage-test-${randomBytes(6).toString("hex")}`;
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    bucket,
    drop: async () => {
      for (;;) {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
        if (!page.Contents?.length) break;
        await Promise.all(page.Contents.map((o) => client.send(new DeleteObjectCommand({ Bucket: bucket, Key: o.Key }))));
      }
      await client.send(new DeleteBucketCommand({ Bucket: bucket })).catch(() => undefined);
    },
  };
}

/** The settings a Stowage server needs to store into `bucket` on the test S3 server. */
export function s3ServerEnv(s3: TTestS3, bucket: string): Record<string, string> {
  return {
    S3_BUCKET: bucket,
    S3_ENDPOINT: s3.endpoint,
    S3_REGION: s3.region,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    S3_FORCE_PATH_STYLE: "true",
  };
}
