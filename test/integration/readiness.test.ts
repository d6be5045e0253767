import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startS3SideServer } from "../support/side-server.ts";
import { testS3 } from "../support/test-s3.ts";

const s3 = testS3();

describe("GET /api/v1/ready", () => {
  it("answers 200 with the filesystem store, without credentials", async () => {
    const res = await fetch(`${inject("baseUrl")}/api/v1/ready`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body).toMatchObject({ status: "ready", checks: { database: { ok: true }, storage: { ok: true, backend: "fs" } } });
    expect(typeof body.checks.database.ms).toBe("number");
    expect(typeof body.checks.storage.ms).toBe("number");
  });

  describe.skipIf(!s3)("with S3", () => {
    let side: Awaited<ReturnType<typeof startS3SideServer>>;
    beforeAll(async () => {
      side = await startS3SideServer(s3!);
    });
    afterAll(async () => {
      await side?.stop();
    });

    it("answers 200 when the bucket answers", async () => {
      const res = await fetch(`${side.server.baseUrl}/api/v1/ready`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: "ready", checks: { database: { ok: true }, storage: { ok: true, backend: "s3" } } });
    });
  });
});
