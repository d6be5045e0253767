import { randomBytes } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { clientFor, createAgent, uniq } from "../support/api.ts";
import { httpRequest, type TAnswer } from "../support/http-request.ts";

const QUOTA = 300_000;
const UPLOADS = 36;

type TUsage = { usedBytes: number; reservedBytes: number; quotaBytes: number };

describe("a small quota hammered through three instances", () => {
  it("is never passed: refusals are 409 ARTIFACT_QUOTA_EXCEEDED, usage ends equal to what is stored", async () => {
    const { baseUrls, adminKey } = inject("scaleout");
    const admin = clientFor(baseUrls[0]!, adminKey);
    const agent = await createAgent(uniq("quota"), {}, admin);
    const set = await clientFor(baseUrls[1]!, adminKey).json(`/api/v1/namespaces/${agent.namespace}`, {
      method: "PATCH",
      json: { quotaBytes: QUOTA },
    });
    expect(set.status).toBe(200);
    expect(set.body.quotaBytes).toBe(QUOTA);

    // ~3× the quota in all: 8 KB to 40 KB each, every other one without a Content-Length.
    const sizes = Array.from({ length: UPLOADS }, (_, i) => 8_000 + ((i * 7_919) % 32_000));
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(2 * QUOTA);

    // One sampler per instance, all running while the uploads contend: a single serial sampler
    // once took only 5 samples in CI because the uploads were over that fast.
    const samples: (TUsage & { at: string })[] = [];
    let uploading = true;
    const samplers = baseUrls.map(async (url) => {
      for (let n = 0; uploading && n < 5_000; n++) {
        const res = await httpRequest(`${url}/api/v1/namespaces/${encodeURIComponent(agent.namespace)}/usage`, {
          headers: { authorization: `Bearer ${agent.key}` },
        });
        expect(res.status).toBe(200);
        samples.push({ ...res.json<TUsage>(), at: url });
      }
    });

    const answers: TAnswer[] = await Promise.all(
      sizes.map((size, i) =>
        httpRequest(`${baseUrls[i % 3]}/api/v1/artifacts?${new URLSearchParams({ namespace: agent.namespace, name: `part-${i}.bin` })}`, {
          method: "POST",
          headers: { authorization: `Bearer ${agent.key}`, "content-type": "application/octet-stream" },
          body: randomBytes(size),
          ...(i % 2 ? { chunked: 4_096, pieceDelayMs: 20 } : {}),
        }),
      ),
    );
    uploading = false;
    await Promise.all(samplers);

    const stored = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status !== 201);
    for (const a of refused) {
      expect(a.status, a.body.toString()).toBe(409);
      expect(a.json().error).toMatchObject({ code: "ARTIFACT_QUOTA_EXCEEDED", quotaBytes: QUOTA });
    }
    // The quota really was contended, with and without a declared length.
    expect(stored.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    expect(samples.length).toBeGreaterThan(5);
    for (const url of baseUrls)
      expect(
        samples.some((s) => s.at === url),
        `a sample from ${url}`,
      ).toBe(true);
    for (const s of samples) {
      expect(s.usedBytes, `usage sample from ${s.at}`).toBeLessThanOrEqual(QUOTA);
      expect(s.usedBytes + s.reservedBytes, `usage + holds sample from ${s.at}`).toBeLessThanOrEqual(QUOTA);
    }

    // What is stored: every artifact of the namespace, each with its one version.
    const listed = await clientFor(baseUrls[2]!, agent.key).json(
      `/api/v1/artifacts?namespace=${encodeURIComponent(agent.namespace)}&limit=200`,
    );
    expect(listed.status).toBe(200);
    const storedSizes = listed.body.artifacts.map((a: { latest: { sizeBytes: number } }) => a.latest.sizeBytes);
    expect(storedSizes.length).toBe(stored.length);
    const sum = storedSizes.reduce((a: number, b: number) => a + b, 0);
    expect(sum).toBe(stored.reduce((n, a) => n + a.json().version.sizeBytes, 0));
    for (const url of baseUrls) {
      const usage = await clientFor(url, agent.key).json(`/api/v1/namespaces/${encodeURIComponent(agent.namespace)}/usage`);
      expect(usage.body).toMatchObject({ usedBytes: sum, reservedBytes: 0, quotaBytes: QUOTA, versionCount: stored.length });
    }
  });
});
