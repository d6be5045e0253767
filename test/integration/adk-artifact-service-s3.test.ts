import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StowageArtifactService } from "../../packages/client/src/adk/index.ts";
import { describeAdkArtifactService } from "../support/adk-service-suite.ts";
import { createAgent, uniq } from "../support/api.ts";
import { startS3SideServer } from "../support/side-server.ts";
import { testS3 } from "../support/test-s3.ts";

// The ADK artifact service's whole suite against a server storing in the real S3 server, where a
// load is a 302 to a presigned S3 URL that the SDK follows: the bytes must come back exact and
// parallel saves of one name must still get distinct dense versions.
const s3 = testS3();
describe.skipIf(!s3)("StowageArtifactService (Google ADK) against a server storing in S3", () => {
  let side: Awaited<ReturnType<typeof startS3SideServer>>;

  beforeAll(async () => {
    side = await startS3SideServer(s3!);
  });
  afterAll(async () => {
    await side?.stop();
  });

  describeAdkArtifactService("the shared ADK suite", () => ({ baseUrl: side.server.baseUrl, admin: side.admin }));

  it("loads bytes from S3 itself, not through the server", async () => {
    const agent = await createAgent(uniq("adk-s3"), {}, side.admin);
    const answeredBy: string[] = [];
    const service = new StowageArtifactService({
      url: side.server.baseUrl,
      apiKey: agent.key,
      namespace: agent.namespace,
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        answeredBy.push(res.url);
        return res;
      },
    });
    const key = { appName: uniq("app"), userId: "u1", sessionId: "s1" };
    const part = {
      inlineData: { data: Buffer.from(Uint8Array.from({ length: 256 }, (_, i) => 255 - i)).toString("base64"), mimeType: "image/x-raw" },
    };
    await service.saveArtifact({ ...key, filename: "bytes.raw", artifact: part });
    answeredBy.length = 0;
    expect(await service.loadArtifact({ ...key, filename: "bytes.raw" })).toEqual(part);
    expect(answeredBy.some((url) => url.startsWith(`${s3!.endpoint}/${side.bucket}/`))).toBe(true);
  });
});
