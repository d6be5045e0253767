import { describe, expect, it, beforeAll, inject } from "vitest";
import { createAgent, uniq } from "../support/api.ts";
import { sqlAt } from "../support/db-at.ts";

describe("share links", () => {
  let agent: Awaited<ReturnType<typeof createAgent>>;
  let artifactId: string;
  beforeAll(async () => {
    agent = await createAgent();
    const name = uniq("shared.txt");
    const v0 = await agent.client.upload({ namespace: agent.namespace, name }, "version zero");
    await agent.client.upload({ namespace: agent.namespace, name }, "version one!");
    artifactId = v0.body.artifact.id;
  });

  it("returns a URL that streams the bound version without credentials, with Range and HEAD", async () => {
    const share = await agent.client.json(`/api/v1/artifacts/${artifactId}/share`, {
      method: "POST",
      json: { version: 0, expiresIn: 120 },
    });
    expect(share.status).toBe(201);
    expect(share.body.version).toBe(0);
    const expiresIn = (Date.parse(share.body.expiresAt) - Date.now()) / 1000;
    expect(expiresIn).toBeGreaterThan(100);
    expect(expiresIn).toBeLessThanOrEqual(121);
    expect(share.body.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/share\//);

    const res = await fetch(share.body.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("version zero");
    expect(res.headers.get("content-length")).toBe("12");
    const part = await fetch(share.body.url, { headers: { range: "bytes=8-11" } });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe("zero");
    const head = await fetch(share.body.url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe("12");
  });

  it("defaults to the latest version and one hour", async () => {
    const share = await agent.client.json(`/api/v1/artifacts/${artifactId}/share`, { method: "POST" });
    expect(share.status).toBe(201);
    expect(share.body.version).toBe(1);
    const expiresIn = (Date.parse(share.body.expiresAt) - Date.now()) / 1000;
    expect(expiresIn).toBeGreaterThan(3590);
    expect(expiresIn).toBeLessThanOrEqual(3601);
    expect(await (await fetch(share.body.url)).text()).toBe("version one!");
  });

  it("rejects a tampered link with 403 and leaks nothing", async () => {
    const share = await agent.client.json(`/api/v1/artifacts/${artifactId}/share`, { method: "POST", json: { version: 1 } });
    const other = await agent.client.json(`/api/v1/artifacts/${artifactId}/share`, { method: "POST", json: { version: 0 } });
    const url: string = share.body.url;
    const token = url.slice(url.lastIndexOf("/") + 1);
    const [id, sig] = token.split(".") as [string, string];
    expect(id).toBe(share.body.id);
    const [otherId, otherSig] = (other.body.url as string).split("/").pop()!.split(".") as [string, string];
    const flipped = sig.slice(0, -1) + (sig.endsWith("A") ? "B" : "A");
    const base = url.slice(0, url.lastIndexOf("/") + 1);
    for (const bad of [
      `${id}.${flipped}`,
      `${otherId}.${sig}`,
      `${id}.${otherSig}`,
      `${id.slice(0, -1)}${id.endsWith("x") ? "y" : "x"}.${sig}`,
      `${artifactId}.1.${Math.floor(Date.now() / 1000) + 3600}.${sig}`,
      "garbage",
    ]) {
      const res = await fetch(base + bad);
      expect(res.status, bad).toBe(403);
      expect((await res.json()).error.code).toBe("ARTIFACT_SHARE_LINK_INVALID");
    }
    expect((await fetch(url)).status).toBe(200);
  });

  it("bounds expiresIn between 60 s and SHARE_URL_MAX_SECONDS", async () => {
    for (const expiresIn of [59, 7201, 1.5, -1]) {
      const res = await agent.client.json(`/api/v1/artifacts/${artifactId}/share`, { method: "POST", json: { expiresIn } });
      expect(res.status, String(expiresIn)).toBe(400);
      expect(res.body.error.code).toBe("ARTIFACT_VALIDATION_FAILED");
    }
    const max = await agent.client.json(`/api/v1/artifacts/${artifactId}/share`, { method: "POST", json: { expiresIn: 7200 } });
    expect(max.status).toBe(201);
  });

  it("stops working once the link expires", async () => {
    const share = await agent.client.json(`/api/v1/artifacts/${artifactId}/share`, {
      method: "POST",
      json: { version: 1, expiresIn: 600 },
    });
    expect((await fetch(share.body.url)).status).toBe(200);
    // What the link becomes once its time is up, without the test waiting: its expiry moved to
    // the moment it was made (the same column type and format on either database).
    await sqlAt(inject("databaseUrl"), `UPDATE "ShareLink" SET "expiresAt" = "createdAt" WHERE "id" = $1`, [share.body.id]);
    const res = await fetch(share.body.url);
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatchObject({ code: "ARTIFACT_SHARE_LINK_INVALID", message: expect.stringMatching(/expired/) });
  });

  it("returns 404 for a share of an artifact that was deleted, and for unknown versions", async () => {
    const up = await agent.client.upload({ namespace: agent.namespace, name: uniq("gone") }, "bye");
    const share = await agent.client.json(`/api/v1/artifacts/${up.body.artifact.id}/share`, { method: "POST" });
    expect((await agent.client.request(`/api/v1/artifacts/${up.body.artifact.id}`, { method: "DELETE" })).status).toBe(204);
    const res = await fetch(share.body.url);
    expect(res.status).toBe(404);
    const missing = await agent.client.json(`/api/v1/artifacts/${artifactId}/share`, { method: "POST", json: { version: 9 } });
    expect(missing.status).toBe(404);
  });

  it("cannot be minted for an artifact the caller cannot see", async () => {
    const other = await createAgent();
    const res = await other.client.json(`/api/v1/artifacts/${artifactId}/share`, { method: "POST" });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("ARTIFACT_NOT_FOUND");
  });
});
