import { randomBytes } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { clientFor, createAgent, uniq } from "../support/api.ts";
import { downloadVersion, listAllVersions, sha256 } from "../support/cluster.ts";
import { httpRequest } from "../support/http-request.ts";

const SAVES = 60;

describe("parallel saves of one name through three instances", () => {
  it("gives versions 0..59 each exactly once, with every version's own bytes", async () => {
    const { baseUrls, adminKey } = inject("scaleout");
    const agent = await createAgent(uniq("saves"), {}, clientFor(baseUrls[0]!, adminKey));
    const bodies = Array.from({ length: SAVES }, (_, i) => randomBytes(512 + i * 97));
    const query = new URLSearchParams({ namespace: agent.namespace, sessionId: "chat-1", name: "shared/state.bin" });

    // Round-robin over the three, all at once.
    const answers = await Promise.all(
      bodies.map((body, i) =>
        httpRequest(`${baseUrls[i % 3]}/api/v1/artifacts?${query}`, {
          method: "POST",
          headers: { authorization: `Bearer ${agent.key}`, "content-type": "application/octet-stream" },
          body,
        }),
      ),
    );
    for (const [i, a] of answers.entries()) expect(a.status, `save ${i}: ${a.body.toString()}`).toBe(201);
    const published = answers.map((a) =>
      a.json<{ artifact: { id: string }; version: { version: number; sha256: string; sizeBytes: number } }>(),
    );
    const ids = new Set(published.map((p) => p.artifact.id));
    expect(ids.size).toBe(1);
    const [id] = [...ids] as [string];
    expect(published.map((p) => p.version.version).sort((a, b) => a - b)).toEqual([...Array(SAVES).keys()]);
    for (const [i, p] of published.entries()) {
      expect(p.version.sha256).toBe(sha256(bodies[i]!));
      expect(p.version.sizeBytes).toBe(bodies[i]!.length);
    }

    const sentFor = new Map(published.map((p, i) => [p.version.version, bodies[i]!]));
    for (const url of baseUrls) {
      const listed = await listAllVersions(clientFor(url, agent.key), id);
      expect(listed).toHaveLength(SAVES);
      expect(listed.map((v) => v.version)).toEqual([...Array(SAVES).keys()].reverse());
      for (const v of listed) expect(v.sha256).toBe(sha256(sentFor.get(v.version)!));
    }
    const latest = await clientFor(baseUrls[2]!, agent.key).json(`/api/v1/artifacts/${id}`);
    expect(latest.body.artifact.latestVersion).toBe(SAVES - 1);

    // Every version, downloaded through an instance other than the one that stored it.
    for (let v = 0; v < SAVES; v += 6) {
      await Promise.all(
        Array.from({ length: Math.min(6, SAVES - v) }, async (_, k) => {
          const version = v + k;
          const got = await downloadVersion(baseUrls[(version + 1) % 3]!, agent.key, id, version);
          expect(got.status, `version ${version}`).toBe(200);
          expect(got.bytes!.equals(sentFor.get(version)!), `bytes of version ${version}`).toBe(true);
        }),
      );
    }
  });
});
