import { describe, expect, it } from "vitest";
import { api, createAgent, uniq } from "../support/api.ts";

describe("landing page", () => {
  it("says the service is up without credentials and reveals nothing stored", async () => {
    const agent = await createAgent();
    const secretName = uniq("secret-report");
    await agent.client.upload({ namespace: agent.namespace, name: secretName }, "x");
    const res = await api().request("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    const html = await res.text();
    expect(html).toContain("Service is up");
    expect(html).not.toContain(secretName);
    expect(html).not.toContain(agent.name);
  });

  it("answers the health check without credentials", async () => {
    const res = await api().json("/api/v1/health");
    expect(res).toMatchObject({ status: 200, body: { status: "ok" } });
  });
});
