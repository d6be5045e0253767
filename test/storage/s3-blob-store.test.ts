import { describe } from "vitest";
import { createS3BlobStore } from "../../lib/storage/s3-blob-store";
import { createTestBucket, testS3 } from "../support/test-s3";
import { describeBlobStoreConformance } from "./blob-store-conformance";

const s3 = testS3();

// The same suite as the filesystem driver, against a real S3 server (Ceph RADOS Gateway).
describe.skipIf(!s3)("s3 driver", () => {
  describeBlobStoreConformance("s3", async () => {
    const { bucket, drop } = await createTestBucket(s3!);
    const store = createS3BlobStore({
      bucket,
      endpoint: s3!.endpoint,
      region: s3!.region,
      forcePathStyle: true,
      credentials: { accessKeyId: s3!.accessKeyId, secretAccessKey: s3!.secretAccessKey },
    });
    return { store, cleanup: drop };
  });
});
