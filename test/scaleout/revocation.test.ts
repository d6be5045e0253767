import { describe, expect, inject, it } from "vitest";
import { clientFor, createAgent, uniq } from "../support/api.ts";
import { httpRequest } from "../support/http-request.ts";

/** A share link's path, asked of another instance: a link works wherever it lands. */
const at = (baseUrl: string, link: string) => `${baseUrl}${new URL(link).pathname}${new URL(link).search}`;

describe("changes made on one instance hold on the others at once", () => {
  it("a share link made on A works on B and C; revoked on B, it is refused on A and C from the next request", async () => {
    const { baseUrls, adminKey } = inject("scaleout");
    const [a, b, c] = baseUrls as [string, string, string];
    const agent = await createAgent(uniq("links"), {}, clientFor(a, adminKey));
    const up = await clientFor(a, agent.key).upload({ namespace: agent.namespace, name: "shared.txt" }, "shared bytes");
    expect(up.status).toBe(201);
    const share = await clientFor(a, agent.key).json(`/api/v1/artifacts/${up.body.artifact.id}/share`, {
      method: "POST",
      json: { expiresIn: 600 },
    });
    expect(share.status).toBe(201);

    for (const url of [a, b, c]) {
      // Bytes in S3: the link answers with a redirect to a presigned URL.
      const res = await httpRequest(at(url, share.body.url));
      expect(res.status, `share link on ${url}`).toBe(302);
      expect((await httpRequest(String(res.headers.location))).body.toString()).toBe("shared bytes");
    }
    const revoked = await clientFor(b, agent.key).request(`/api/v1/share-links/${share.body.id}`, { method: "DELETE" });
    expect(revoked.status).toBe(204);
    for (const url of [a, c, b]) {
      const res = await httpRequest(at(url, share.body.url));
      expect(res.status, `revoked link on ${url}`).toBe(403);
      expect(res.json().error.code).toBe("ARTIFACT_SHARE_LINK_INVALID");
    }
  });

  it("an artifact deleted on A is gone on B and C at once", async () => {
    const { baseUrls, adminKey } = inject("scaleout");
    const [a, b, c] = baseUrls as [string, string, string];
    const agent = await createAgent(uniq("deletes"), {}, clientFor(b, adminKey));
    const up = await clientFor(c, agent.key).upload({ namespace: agent.namespace, name: "doomed.txt" }, "doomed");
    expect(up.status).toBe(201);
    const id = up.body.artifact.id;
    for (const url of [a, b, c]) {
      expect((await clientFor(url, agent.key).json(`/api/v1/artifacts/${id}`)).status).toBe(200);
      expect(
        (await httpRequest(`${url}/api/v1/artifacts/${id}/content`, { headers: { authorization: `Bearer ${agent.key}` } })).status,
      ).toBe(302);
    }
    expect((await clientFor(a, agent.key).request(`/api/v1/artifacts/${id}`, { method: "DELETE" })).status).toBe(204);
    for (const url of [b, c, a]) {
      const meta = await clientFor(url, agent.key).json(`/api/v1/artifacts/${id}`);
      expect(meta.status, `metadata on ${url}`).toBe(404);
      expect(meta.body.error.code).toBe("ARTIFACT_NOT_FOUND");
      expect(
        (await httpRequest(`${url}/api/v1/artifacts/${id}/content`, { headers: { authorization: `Bearer ${agent.key}` } })).status,
        `content on ${url}`,
      ).toBe(404);
      expect((await clientFor(url, agent.key).json(`/api/v1/artifacts/${id}/versions`)).status).toBe(404);
    }
  });

  it("a key revoked on one instance is refused by the others from the next request", async () => {
    const { baseUrls, adminKey } = inject("scaleout");
    const [a, b, c] = baseUrls as [string, string, string];
    const agent = await createAgent(uniq("keys"), {}, clientFor(a, adminKey));
    // Every instance has seen the key work, so nothing but the database can decide afterwards.
    for (const url of [a, b, c]) expect((await clientFor(url, agent.key).json("/api/v1/me")).status).toBe(200);
    expect((await clientFor(c, adminKey).request(`/api/v1/keys/${agent.keyId}`, { method: "DELETE" })).status).toBe(204);
    for (const url of [a, b, c]) {
      const me = await clientFor(url, agent.key).json("/api/v1/me");
      expect(me.status, `revoked key on ${url}`).toBe(401);
      expect(me.body.error.code).toBe("UNAUTHENTICATED");
      const upload = await clientFor(url, agent.key).upload({ namespace: agent.namespace, name: "late.txt" }, "late");
      expect(upload.status, `upload with a revoked key on ${url}`).toBe(401);
    }
  });
});
