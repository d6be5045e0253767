import { createHash } from "node:crypto";
import { describe, expect, it, beforeAll } from "vitest";
import { adminApi, api, createAgent, uniq } from "../support/api.ts";

type TAgent = Awaited<ReturnType<typeof createAgent>>;

const admin = () => adminApi();
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
/** Slugs for identities and groups: `uniq` with a separator the slug pattern allows. */
const slug = (prefix: string) => uniq(prefix).toLowerCase();

const expectError = (res: { status: number; body: any }, status: number, code: string, label = "") => {
  expect(res.status, `${label} ${JSON.stringify(res.body)}`).toBe(status);
  expect(res.body, label).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
};

const identityNames = async () => {
  const res = await admin().json("/api/v1/identities");
  expect(res.status).toBe(200);
  return (res.body.identities as { name: string }[]).map((i) => i.name);
};
const groups = async () => {
  const res = await admin().json("/api/v1/groups");
  expect(res.status).toBe(200);
  return res.body.groups as { name: string; members: string[] }[];
};
const namespaceNames = async () => {
  const res = await admin().json("/api/v1/namespaces");
  expect(res.status).toBe(200);
  return (res.body.namespaces as { name: string }[]).map((n) => n.name);
};
const keysOf = async (identity: string) => {
  const res = await admin().json(`/api/v1/identities/${identity}/keys`);
  expect(res.status).toBe(200);
  return res.body.keys as { id: string; prefix: string; label: string; lastUsedAt: string | null; revokedAt: string | null }[];
};

describe("API keys", () => {
  it("shows a key once; listings carry its prefix and last use, never the key or its hash", async () => {
    const name = slug("keyed");
    const created = await admin().json("/api/v1/identities", { method: "POST", json: { name } });
    expect(created.status).toBe(201);
    expect(created.body.identity).toMatchObject({ name, kind: "agent", isAdmin: false, namespace: `agent:${name}` });
    expect(await namespaceNames()).toContain(`agent:${name}`);
    expect(await keysOf(name)).toEqual([]);

    const res = await admin().json(`/api/v1/identities/${name}/keys`, { method: "POST", json: { label: "ci" } });
    expect(res.status).toBe(201);
    const key = res.body.key;
    expect(key).toMatchObject({
      id: expect.any(String),
      key: expect.stringMatching(/^stw_[A-Za-z0-9_-]{40,}$/),
      label: "ci",
      identity: name,
    });
    expect(key.prefix.length).toBeGreaterThanOrEqual(8);
    expect(key.prefix.length).toBeLessThan(key.key.length - 16);
    expect(key.key.startsWith(key.prefix)).toBe(true);

    const listings = [
      await admin().request(`/api/v1/identities/${name}/keys`),
      await api(key.key).request(`/api/v1/identities/${name}/keys`),
    ];
    for (const listing of listings) {
      expect(listing.status).toBe(200);
      const text = await listing.text();
      expect(text).not.toContain(key.key);
      expect(text).not.toContain(key.key.slice(key.prefix.length, key.prefix.length + 16));
      expect(text).not.toContain(sha256(key.key));
      expect(text).not.toMatch(/"(key|hash)"/);
    }
    // The listing above used the key: it now has a last-used time. (Before that it had none.)
    const [row] = await keysOf(name);
    expect(row).toEqual({
      id: key.id,
      label: "ci",
      prefix: key.prefix,
      createdAt: expect.any(String),
      lastUsedAt: expect.any(String),
      revokedAt: null,
    });
    expect(Math.abs(Date.parse(row!.lastUsedAt!) - Date.now())).toBeLessThan(60_000);

    const second = await admin().json(`/api/v1/identities/${name}/keys`, { method: "POST" });
    expect(second.status).toBe(201);
    expect(second.body.key.key).not.toBe(key.key);
    expect(second.body.key.label).toBe("");
    const rows = await keysOf(name);
    expect(rows.map((r) => r.id).sort()).toEqual([key.id, second.body.key.id].sort());
    expect(rows.find((r) => r.id === second.body.key.id)).toMatchObject({ prefix: second.body.key.prefix, lastUsedAt: null });
  });

  it("records lastUsedAt only once a key is used", async () => {
    const agent = await createAgent();
    expect((await keysOf(agent.name)).find((k) => k.id === agent.keyId)?.lastUsedAt).toBeNull();
    expect((await agent.client.json("/api/v1/me")).status).toBe(200);
    const used = (await keysOf(agent.name)).find((k) => k.id === agent.keyId);
    expect(used?.lastUsedAt).toEqual(expect.any(String));
  });

  it("lets an identity create and revoke its own keys, but not another's", async () => {
    const [self, other] = await Promise.all([createAgent(), createAgent()]);
    const mine = await self.client.json(`/api/v1/identities/${self.name}/keys`, { method: "POST", json: { label: "laptop" } });
    expect(mine.status).toBe(201);
    const newKey = api(mine.body.key.key);
    expect((await newKey.json("/api/v1/me")).body.identity.name).toBe(self.name);
    expect((await self.client.json(`/api/v1/identities/${self.name}/keys`)).body.keys).toHaveLength(2);

    expect((await self.client.request(`/api/v1/keys/${mine.body.key.id}`, { method: "DELETE" })).status).toBe(204);
    expectError(await newKey.json("/api/v1/me"), 401, "UNAUTHENTICATED");
    expect((await keysOf(self.name)).find((k) => k.id === mine.body.key.id)?.revokedAt).toEqual(expect.any(String));

    // Another identity's keys: no creating, listing or revoking.
    expectError(
      await self.client.json(`/api/v1/identities/${other.name}/keys`, { method: "POST", json: { label: "stolen" } }),
      403,
      "FORBIDDEN",
    );
    expectError(await self.client.json(`/api/v1/identities/${other.name}/keys`), 403, "FORBIDDEN");
    // Another's key id is answered like an unknown one (DESIGN.md: "one you may not know exists").
    const theirs = await self.client.json(`/api/v1/keys/${other.keyId}`, { method: "DELETE" });
    const unknown = await self.client.json(`/api/v1/keys/${other.keyId.slice(0, -4)}zzzz`, { method: "DELETE" });
    expectError(theirs, 404, "ARTIFACT_NOT_FOUND");
    expect(theirs.body).toEqual(unknown.body);
    expect((await other.client.json("/api/v1/me")).status).toBe(200);
    const otherKeys = await keysOf(other.name);
    expect(otherKeys).toHaveLength(1);
    expect(otherKeys[0]).toMatchObject({ id: other.keyId, revokedAt: null });

    // Admins revoke anyone's key, at once.
    expect((await admin().request(`/api/v1/keys/${other.keyId}`, { method: "DELETE" })).status).toBe(204);
    expectError(await other.client.json("/api/v1/me"), 401, "UNAUTHENTICATED");
    expectError(await admin().json(`/api/v1/identities/${slug("ghost")}/keys`, { method: "POST", json: {} }), 404, "ARTIFACT_NOT_FOUND");
  });
});

describe("names", () => {
  it("refuses duplicate identity, group and namespace names with 400", async () => {
    const name = slug("dup");
    const email = `${name}@example.com`;
    expect((await admin().json("/api/v1/identities", { method: "POST", json: { name, email } })).status).toBe(201);
    expectError(await admin().json("/api/v1/identities", { method: "POST", json: { name } }), 400, "ARTIFACT_VALIDATION_FAILED");
    expectError(
      await admin().json("/api/v1/identities", { method: "POST", json: { name: slug("dup"), email } }),
      400,
      "ARTIFACT_VALIDATION_FAILED",
      "email",
    );
    expect((await identityNames()).filter((n) => n === name)).toHaveLength(1);

    expect((await admin().json("/api/v1/groups", { method: "POST", json: { name } })).status).toBe(201);
    expectError(await admin().json("/api/v1/groups", { method: "POST", json: { name } }), 400, "ARTIFACT_VALIDATION_FAILED");
    expect((await groups()).filter((g) => g.name === name)).toHaveLength(1);

    const ns = `team:${name}`;
    expect((await admin().json("/api/v1/namespaces", { method: "POST", json: { name: ns } })).status).toBe(201);
    expectError(await admin().json("/api/v1/namespaces", { method: "POST", json: { name: ns } }), 400, "ARTIFACT_VALIDATION_FAILED");
    expect((await namespaceNames()).filter((n) => n === ns)).toHaveLength(1);
  });

  it("creates a name exactly once when the same create races", async () => {
    const name = slug("race");
    const cases: [string, unknown][] = [
      ["/api/v1/identities", { name }],
      ["/api/v1/groups", { name }],
      ["/api/v1/namespaces", { name: `team:${name}` }],
    ];
    for (const [path, json] of cases) {
      const results = await Promise.all(Array.from({ length: 8 }, () => admin().json(path, { method: "POST", json })));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses, `${path} ${JSON.stringify(results.map((r) => r.body))}`).toEqual([201, 400, 400, 400, 400, 400, 400, 400]);
      for (const r of results.filter((r) => r.status === 400)) expect(r.body.error.code).toBe("ARTIFACT_VALIDATION_FAILED");
    }
  });

  it("refuses invalid identity and group names with 400 and creates nothing", async () => {
    const base = slug("bad");
    const invalid = [
      `${base}-Upper`,
      `${base} space`,
      "",
      ` ${base}`,
      `-${base}`,
      `${base}/x`,
      `agent:${base}`,
      `ring:${base}`,
      `${base}\u0000`,
      `${base}é`,
      "a".repeat(64),
    ];
    for (const name of invalid) {
      expectError(
        await admin().json("/api/v1/identities", { method: "POST", json: { name } }),
        400,
        "ARTIFACT_VALIDATION_FAILED",
        `identity ${JSON.stringify(name)}`,
      );
      expectError(
        await admin().json("/api/v1/groups", { method: "POST", json: { name } }),
        400,
        "ARTIFACT_VALIDATION_FAILED",
        `group ${JSON.stringify(name)}`,
      );
    }
    const names = await identityNames();
    const groupNames = (await groups()).map((g) => g.name);
    const nsNames = await namespaceNames();
    for (const name of invalid) {
      expect(names).not.toContain(name);
      expect(groupNames).not.toContain(name);
      expect(nsNames).not.toContain(`agent:${name}`);
      expect(nsNames).not.toContain(`ring:${name}`);
    }
    // The slug rules still let a 63-character name through.
    const longest = `${base}-${"x".repeat(63 - base.length - 1)}`;
    expect((await admin().json("/api/v1/identities", { method: "POST", json: { name: longest } })).status).toBe(201);
  });

  it("refuses invalid custom namespace names, and agent: and ring: ones, with 400", async () => {
    const base = slug("ns");
    const invalid = [
      `agent:${base}`,
      `ring:${base}`,
      `Team:${base}`,
      `team:${base.toUpperCase()}`,
      `team:${base} x`,
      `team ${base}`,
      base,
      "team:",
      `:${base}`,
      `team:${base}:x`,
      `team:-${base}`,
      `team:${base}/x`,
      `1team:${base}`,
      `${"t".repeat(32)}:${base}`,
      "",
    ];
    for (const name of invalid) {
      expectError(
        await admin().json("/api/v1/namespaces", { method: "POST", json: { name } }),
        400,
        "ARTIFACT_VALIDATION_FAILED",
        JSON.stringify(name),
      );
    }
    const existing = await namespaceNames();
    for (const name of invalid) expect(existing).not.toContain(name);
    // agent:/ring: stay refused even for a name no identity or group has taken.
    expect(existing).not.toContain(`agent:${base}`);
    const ok = await admin().json("/api/v1/namespaces", { method: "POST", json: { name: `app:${base}` } });
    expect(ok.status).toBe(201);
    expect(ok.body.namespace).toMatchObject({ name: `app:${base}`, kind: "custom" });
  });
});

describe("admin routes", () => {
  let agent: TAgent;
  let bystander: TAgent;
  const group = slug("grp");
  const ns = `team:${slug("adm")}`;
  let grantId: string;

  beforeAll(async () => {
    [agent, bystander] = await Promise.all([createAgent(), createAgent()]);
    expect((await admin().json("/api/v1/groups", { method: "POST", json: { name: group } })).status).toBe(201);
    expect((await admin().json(`/api/v1/groups/${group}/members`, { method: "POST", json: { identity: bystander.name } })).status).toBe(
      204,
    );
    expect((await admin().json("/api/v1/namespaces", { method: "POST", json: { name: ns } })).status).toBe(201);
    const g = await admin().json(`/api/v1/namespaces/${ns}/grants`, {
      method: "POST",
      json: { identity: bystander.name, permission: "read" },
    });
    expect(g.status).toBe(201);
    grantId = g.body.grant.id;
  });

  it("answers 403 FORBIDDEN to a non-admin on every admin route and changes nothing", async () => {
    const newName = slug("nope");
    const calls: [string, string, unknown?][] = [
      ["GET", "/api/v1/identities"],
      ["POST", "/api/v1/identities", { name: newName }],
      ["POST", "/api/v1/identities", { name: `${newName}-admin`, isAdmin: true }],
      ["GET", "/api/v1/groups"],
      ["POST", "/api/v1/groups", { name: newName }],
      ["POST", `/api/v1/groups/${group}/members`, { identity: agent.name }],
      ["POST", `/api/v1/groups/${slug("nonexistent")}/members`, { identity: agent.name }],
      ["DELETE", `/api/v1/groups/${group}/members/${bystander.name}`],
      ["POST", "/api/v1/namespaces", { name: `team:${newName}` }],
      ["GET", `/api/v1/namespaces/${ns}/grants`],
      ["POST", `/api/v1/namespaces/${ns}/grants`, { identity: agent.name, permission: "write" }],
      ["POST", `/api/v1/namespaces/${agent.namespace}/grants`, { identity: bystander.name, permission: "write" }],
      ["DELETE", `/api/v1/namespaces/${ns}/grants/${grantId}`],
      ["POST", `/api/v1/identities/${bystander.name}/keys`, { label: "x" }],
      ["GET", `/api/v1/identities/${bystander.name}/keys`],
    ];
    for (const [method, path, json] of calls) {
      const res = await agent.client.json(path, { method, ...(json !== undefined ? { json } : {}) });
      expectError(res, 403, "FORBIDDEN", `${method} ${path}`);
    }

    const names = await identityNames();
    expect(names).not.toContain(newName);
    expect(names).not.toContain(`${newName}-admin`);
    const allGroups = await groups();
    expect(allGroups.map((g) => g.name)).not.toContain(newName);
    expect(allGroups.find((g) => g.name === group)?.members).toEqual([bystander.name]);
    const nsNames = await namespaceNames();
    expect(nsNames).not.toContain(`team:${newName}`);
    const grants = await admin().json(`/api/v1/namespaces/${ns}/grants`);
    expect(grants.body.grants).toEqual([{ id: grantId, namespace: ns, identity: bystander.name, group: null, permission: "read" }]);
    expect((await admin().json(`/api/v1/namespaces/${agent.namespace}/grants`)).body.grants).toEqual([]);
    expect(await keysOf(bystander.name)).toHaveLength(1);

    // And the agent gained nothing.
    const me = await agent.client.json("/api/v1/me");
    expect(me.body.identity).toMatchObject({ name: agent.name, isAdmin: false });
    expect(me.body.namespaces.map((n: { name: string }) => n.name)).toEqual([agent.namespace]);
    expect((await agent.client.upload({ namespace: ns, name: "x.txt" }, "x")).status).toBe(403);
    expect((await agent.client.upload({ namespace: `ring:${group}`, name: "x.txt" }, "x")).status).toBe(403);
  });

  it("lists for a non-admin only the namespaces it can read", async () => {
    const res = await bystander.client.json("/api/v1/namespaces");
    expect(res.status).toBe(200);
    expect(res.body.namespaces.map((n: { name: string }) => n.name).sort()).toEqual([bystander.namespace, `ring:${group}`, ns].sort());
  });

  it("validates grants: exactly one of identity or group, a known permission, an existing namespace", async () => {
    const bad: unknown[] = [
      { permission: "read" },
      { identity: agent.name, group, permission: "read" },
      { identity: agent.name, permission: "admin" },
      { identity: agent.name },
      { identity: agent.name, permission: "read", extra: true },
    ];
    for (const json of bad) {
      expectError(
        await admin().json(`/api/v1/namespaces/${ns}/grants`, { method: "POST", json }),
        400,
        "ARTIFACT_VALIDATION_FAILED",
        JSON.stringify(json),
      );
    }
    expectError(
      await admin().json(`/api/v1/namespaces/${ns}/grants`, { method: "POST", json: { identity: slug("ghost"), permission: "read" } }),
      404,
      "ARTIFACT_NOT_FOUND",
    );
    expectError(
      await admin().json(`/api/v1/namespaces/team:${slug("ghost")}/grants`, {
        method: "POST",
        json: { identity: agent.name, permission: "read" },
      }),
      404,
      "ARTIFACT_NOT_FOUND",
    );
    const grants = await admin().json(`/api/v1/namespaces/${ns}/grants`);
    expect(grants.body.grants).toHaveLength(1);
  });

  it("validates group membership changes", async () => {
    expectError(
      await admin().json(`/api/v1/groups/${group}/members`, { method: "POST", json: { identity: slug("ghost") } }),
      404,
      "ARTIFACT_NOT_FOUND",
    );
    expectError(
      await admin().json(`/api/v1/groups/${slug("ghost")}/members`, { method: "POST", json: { identity: agent.name } }),
      404,
      "ARTIFACT_NOT_FOUND",
    );
    expectError(await admin().json(`/api/v1/groups/${group}/members/${agent.name}`, { method: "DELETE" }), 404, "ARTIFACT_NOT_FOUND");
    expect((await groups()).find((g) => g.name === group)?.members).toEqual([bystander.name]);
  });

  it("lets an admin create another admin, who can then administer", async () => {
    const name = slug("admin2");
    const created = await admin().json("/api/v1/identities", {
      method: "POST",
      json: { name, isAdmin: true, kind: "human", email: `${name}@example.com` },
    });
    expect(created.status).toBe(201);
    expect(created.body.identity).toMatchObject({ name, isAdmin: true, kind: "human", email: `${name}@example.com` });
    const key = await admin().json(`/api/v1/identities/${name}/keys`, { method: "POST", json: {} });
    const second = api(key.body.key.key);
    expect((await second.json("/api/v1/identities")).status).toBe(200);
  });
});
