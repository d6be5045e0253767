import { describe, expect, it } from "vitest";
import { adminApi, api, createAgent, uniq } from "../support/api.ts";

const slug = (prefix: string) => uniq(prefix).toLowerCase();
const patch = (name: string, json: unknown, client = adminApi()) => client.json(`/api/v1/identities/${name}`, { method: "PATCH", json });

const expectError = (res: { status: number; body: any }, status: number, code: string, field?: string) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error).toMatchObject({ code, message: expect.any(String), ...(field ? { field } : {}) });
};

describe("PATCH /api/v1/identities/{name}", () => {
  it("sets an email and password, never echoing the password", async () => {
    const agent = await createAgent(slug("human"));
    const res = await patch(agent.name, { email: `${agent.name}@Example.test`, password: "a-long-password-1" });
    expect(res.status).toBe(200);
    expect(res.body.identity).toMatchObject({
      name: agent.name,
      email: `${agent.name}@example.test`,
      hasPassword: true,
      isAdmin: false,
      disabledAt: null,
    });
    expect(JSON.stringify(res.body)).not.toContain("a-long-password-1");
    const listed = (await adminApi().json("/api/v1/identities")).body.identities.find((i: { name: string }) => i.name === agent.name);
    expect(listed).toMatchObject({ hasPassword: true, email: `${agent.name}@example.test` });
  });

  it("makes an identity admin and back: its own key gains and loses admin powers", async () => {
    const agent = await createAgent(slug("promoted"));
    expect((await agent.client.json("/api/v1/identities")).status).toBe(403);
    expect((await patch(agent.name, { isAdmin: true })).body.identity.isAdmin).toBe(true);
    expect((await agent.client.json("/api/v1/identities")).status).toBe(200);
    expect((await patch(agent.name, { isAdmin: false })).body.identity.isAdmin).toBe(false);
    expect((await agent.client.json("/api/v1/identities")).status).toBe(403);
  });

  it("disabling stops the identity's keys on the next request; enabling brings them back", async () => {
    const agent = await createAgent(slug("disabled"));
    expect((await agent.client.json("/api/v1/me")).status).toBe(200);
    const disabled = await patch(agent.name, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body.identity.disabledAt).toEqual(expect.any(String));
    expectError(await agent.client.json("/api/v1/me"), 401, "UNAUTHENTICATED");
    expect((await patch(agent.name, { disabled: false })).body.identity.disabledAt).toBeNull();
    expect((await agent.client.json("/api/v1/me")).status).toBe(200);
  });

  it("refuses an admin's own demotion or disabling, with the field named", async () => {
    // The bootstrap admin's key: "admin" is the caller itself.
    expectError(await patch("admin", { isAdmin: false }), 400, "ARTIFACT_VALIDATION_FAILED", "isAdmin");
    expectError(await patch("admin", { disabled: true }), 400, "ARTIFACT_VALIDATION_FAILED", "disabled");
    const me = await adminApi().json("/api/v1/me");
    expect(me.body.identity).toMatchObject({ name: "admin", isAdmin: true });

    // Another admin may demote one (and undo it). Fresh admins: the bootstrap one serves other test files meanwhile.
    const first = await createAgent(slug("admin1"), { isAdmin: true });
    const second = await createAgent(slug("admin2"), { isAdmin: true });
    expectError(await patch(first.name, { isAdmin: false }, first.client), 400, "ARTIFACT_VALIDATION_FAILED", "isAdmin");
    expect((await patch(first.name, { isAdmin: false }, second.client)).status).toBe(200);
    expect((await first.client.json("/api/v1/identities")).status).toBe(403);
    expect((await patch(first.name, { isAdmin: true }, second.client)).status).toBe(200);
    expect((await first.client.json("/api/v1/identities")).status).toBe(200);
  });

  it("is admin-only, 404s unknown names and validates the body", async () => {
    const agent = await createAgent(slug("plain"));
    const victim = await createAgent(slug("victim"));
    expectError(await patch(victim.name, { disabled: true }, agent.client), 403, "FORBIDDEN");
    expectError(await patch(agent.name, { isAdmin: true }, agent.client), 403, "FORBIDDEN");
    expect((await victim.client.json("/api/v1/me")).status).toBe(200);
    expectError(await patch(agent.name, {}, api()), 401, "UNAUTHENTICATED");

    expectError(await patch(slug("nobody"), { disabled: true }), 404, "ARTIFACT_NOT_FOUND");
    expectError(await patch(agent.name, { name: "renamed" }), 400, "ARTIFACT_VALIDATION_FAILED");
    expectError(await patch(agent.name, { email: "not-an-email" }), 400, "ARTIFACT_VALIDATION_FAILED", "email");
    expectError(await patch(agent.name, { password: "long-enough-password" }), 400, "ARTIFACT_VALIDATION_FAILED", "email");
    expectError(
      await patch(agent.name, { email: `${agent.name}@x.test`, password: "short" }),
      400,
      "ARTIFACT_VALIDATION_FAILED",
      "password",
    );
    expectError(await patch(agent.name, { disabled: "yes" }), 400, "ARTIFACT_VALIDATION_FAILED", "disabled");
  });

  it("a forged session cookie changes nothing", async () => {
    const agent = await createAgent(slug("csrf"));
    const res = await api().json(`/api/v1/identities/${agent.name}`, {
      method: "PATCH",
      json: { disabled: true },
      headers: { cookie: "next-auth.session-token=forged" },
    });
    expectError(res, 401, "UNAUTHENTICATED");
    expect((await agent.client.json("/api/v1/me")).status).toBe(200);
  });
});
