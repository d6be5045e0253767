import { describe, expect, it, beforeAll } from "vitest";
import { createHmac } from "node:crypto";
import { createAgent, uniq } from "../support/api.ts";
import { queryRows } from "../support/db-query.ts";

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
    const share = await agent.client.json(`/api/v1/artifacts/${artifactId}/share`, { method: "POST", json: { version: 0, expiresIn: 120 } });
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
    const url: string = share.body.url;
    const token = url.slice(url.lastIndexOf("/") + 1);
    const [id, version, expires, sig] = token.split(".") as [string, string, string, string];
    const flipped = sig.slice(0, -1) + (sig.endsWith("A") ? "B" : "A");
    const base = url.slice(0, url.lastIndexOf("/") + 1);
    for (const bad of [
      `${id}.${version}.${expires}.${flipped}`,
      `${id}.0.${expires}.${sig}`,
      `${id}.${version}.${Number(expires) + 3600}.${sig}`,
      `${id.slice(0, -1)}${id.endsWith("x") ? "y" : "x"}.${version}.${expires}.${sig}`,
      "garbage",
    ]) {
      const res = await fetch(base + bad);
      expect(res.status, bad).toBe(403);
      expect((await res.json()).error.code).toBe("ARTIFACT_SHARE_LINK_INVALID");
    }
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
    // A link signed with the server's own secret but an expiry in the past: exactly what a
    // real link becomes once its time is up, without the test waiting a minute.
    const [row] = await queryRows<{ value: string }>(`SELECT "value" FROM "Setting" WHERE "key" = $1`, ["share_link_secret"]);
    expect(row).toBeDefined();
    const expires = Math.floor(Date.now() / 1000) - 1;
    const sig = createHmac("sha256", Buffer.from(row!.value, "base64url")).update(`stowage-share-v1\n${artifactId}\n1\n${expires}`).digest("base64url");
    const valid = `${expires + 3600}`;
    const freshSig = createHmac("sha256", Buffer.from(row!.value, "base64url")).update(`stowage-share-v1\n${artifactId}\n1\n${valid}`).digest("base64url");
    const base = `${agent.client.baseUrl}/api/v1/share/`;
    // The same construction with a future expiry works, so the 403 below is about time alone.
    expect((await fetch(`${base}${artifactId}.1.${valid}.${freshSig}`)).status).toBe(200);
    const res = await fetch(`${base}${artifactId}.1.${expires}.${sig}`);
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
