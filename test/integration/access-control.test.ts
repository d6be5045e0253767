import { randomBytes } from "node:crypto";
import { describe, expect, it, beforeAll } from "vitest";
import { adminApi, api, createAgent, uniq } from "../support/api.ts";

type TAgent = Awaited<ReturnType<typeof createAgent>>;
type TClient = ReturnType<typeof api>;

const admin = () => adminApi();

/** An id shaped like a real one (10 time chars + 16 random), that names no artifact. */
const fakeIdLike = (id: string) => {
  const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
  return id.slice(0, 10) + Array.from(randomBytes(16), (b) => alphabet[b % 36]).join("");
};

async function adminCall(path: string, init: RequestInit & { json?: unknown }, expected: number) {
  const res = await admin().json(path, init);
  if (res.status !== expected) throw new Error(`${init.method ?? "GET"} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
const createGroup = (name: string) => adminCall("/api/v1/groups", { method: "POST", json: { name } }, 201);
const addMember = (group: string, identity: string) =>
  adminCall(`/api/v1/groups/${group}/members`, { method: "POST", json: { identity } }, 204);
const removeMember = (group: string, identity: string) =>
  adminCall(`/api/v1/groups/${group}/members/${identity}`, { method: "DELETE" }, 204);
const createNamespace = (name: string) => adminCall("/api/v1/namespaces", { method: "POST", json: { name } }, 201);
const grant = async (namespace: string, to: { identity?: string; group?: string }, permission: "read" | "write") =>
  (await adminCall(`/api/v1/namespaces/${namespace}/grants`, { method: "POST", json: { ...to, permission } }, 201)).grant.id as string;
const revokeGrant = (namespace: string, grantId: string) =>
  adminCall(`/api/v1/namespaces/${namespace}/grants/${grantId}`, { method: "DELETE" }, 204);

const namespacesOf = async (client: TClient) => {
  const me = await client.json("/api/v1/me");
  expect(me.status).toBe(200);
  return (me.body.namespaces as { name: string }[]).map((n) => n.name).sort();
};

/** Every artifact name the client can list, unfiltered except for this file's name prefix. */
const listedNames = async (client: TClient, prefix: string, namespace?: string) => {
  const q = new URLSearchParams({ name: prefix, limit: "200", ...(namespace ? { namespace } : {}) });
  const res = await client.json(`/api/v1/artifacts?${q}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.artifacts as { name: string }[]).map((a) => a.name).sort();
};

const expectError = (res: { status: number; body: any }, status: number, code: string) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
};

describe("authentication", () => {
  let agent: TAgent;
  let artifactId: string;
  beforeAll(async () => {
    agent = await createAgent();
    const up = await agent.client.upload({ namespace: agent.namespace, name: "auth.txt" }, "secret");
    artifactId = up.body.artifact.id;
  });

  it("answers 401 UNAUTHENTICATED with the JSON error shape to a missing, malformed or unknown key", async () => {
    const headerCases: Record<string, Record<string, string>> = {
      "no header": {},
      "another scheme": { authorization: `Basic ${Buffer.from(`x:${agent.key}`).toString("base64")}` },
      "Bearer without a key": { authorization: "Bearer" },
      "Bearer with an empty key": { authorization: "Bearer " },
      "two tokens": { authorization: `Bearer ${agent.key} extra` },
      "a valid key without the scheme": { authorization: agent.key },
      "an unknown key": { authorization: `Bearer stw_${randomBytes(32).toString("base64url")}` },
      "a truncated key": { authorization: `Bearer ${agent.key.slice(0, -1)}` },
    };
    const anonymous = api();
    const paths = [
      "/api/v1/me",
      "/api/v1/artifacts",
      `/api/v1/artifacts/${artifactId}`,
      `/api/v1/artifacts/${artifactId}/content`,
      "/api/v1/namespaces",
      "/api/v1/identities",
    ];
    for (const [label, headers] of Object.entries(headerCases)) {
      for (const path of paths) {
        const res = await anonymous.request(path, { headers });
        const text = await res.text();
        expect(res.status, `${label} ${path}`).toBe(401);
        expect(res.headers.get("content-type"), `${label} ${path}`).toMatch(/^application\/json/);
        expect(res.headers.get("www-authenticate"), `${label} ${path}`).toMatch(/^Bearer/);
        const body = JSON.parse(text);
        expect(body, `${label} ${path}`).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
        expect(text, `${label} ${path}`).not.toContain("secret");
      }
    }
  });

  it("refuses an upload without a key and stores nothing", async () => {
    const name = uniq("anon.txt");
    const res = await api().upload({ namespace: agent.namespace, name }, "sneaky");
    expectError(res, 401, "UNAUTHENTICATED");
    const form = new FormData();
    form.set("namespace", agent.namespace);
    form.set("file", new Blob(["sneaky"]), name);
    const multipart = await api().json("/api/v1/artifacts", { method: "POST", body: form, headers: { authorization: "Bearer nope" } });
    expectError(multipart, 401, "UNAUTHENTICATED");
    expect(await listedNames(agent.client, name, agent.namespace)).toEqual([]);
  });

  it("refuses a revoked key on its very next request, and only that key", async () => {
    const second = await agent.client.json(`/api/v1/identities/${agent.name}/keys`, { method: "POST", json: { label: "short-lived" } });
    expect(second.status).toBe(201);
    const other = api(second.body.key.key);
    expect((await other.json("/api/v1/me")).body.identity.name).toBe(agent.name);

    const revoke = await agent.client.request(`/api/v1/keys/${second.body.key.id}`, { method: "DELETE" });
    expect(revoke.status).toBe(204);

    expectError(await other.json("/api/v1/me"), 401, "UNAUTHENTICATED");
    expectError(await other.upload({ namespace: agent.namespace, name: uniq("after-revoke") }, "x"), 401, "UNAUTHENTICATED");
    const content = await other.request(`/api/v1/artifacts/${artifactId}/content`);
    expect(content.status).toBe(401);
    await content.body?.cancel();
    // The agent's other key is untouched.
    expect((await agent.client.json("/api/v1/me")).status).toBe(200);
  });
});

describe("personal namespaces", () => {
  let a: TAgent;
  let b: TAgent;
  let artifactId: string;
  const prefix = uniq("personal");
  const name = `${prefix}/b-private.txt`;
  beforeAll(async () => {
    [a, b] = await Promise.all([createAgent(), createAgent()]);
    const up = await b.client.upload({ namespace: b.namespace, name, tags: "keep" }, "B's bytes");
    expect(up.status).toBe(201);
    artifactId = up.body.artifact.id;
  });

  it("answers another agent's artifact exactly like an id that does not exist", async () => {
    const missing = fakeIdLike(artifactId);
    const probes: [string, RequestInit & { json?: unknown }][] = [
      ["", {}],
      ["/content", {}],
      ["/content?version=0", {}],
      ["/versions", {}],
      ["/versions/0", {}],
      ["/share", { method: "POST", json: {} }],
      ["", { method: "PATCH", json: { tags: ["stolen"] } }],
      ["/versions/0", { method: "DELETE" }],
      ["", { method: "DELETE" }],
    ];
    for (const [suffix, init] of probes) {
      const label = `${init.method ?? "GET"} ${suffix}`;
      const theirs = await a.client.json(`/api/v1/artifacts/${artifactId}${suffix}`, init);
      const nothing = await a.client.json(`/api/v1/artifacts/${missing}${suffix}`, init);
      expect(theirs.status, label).toBe(404);
      expect(theirs.body, label).toEqual({ error: { code: "ARTIFACT_NOT_FOUND", message: expect.any(String) } });
      expect(theirs.body, label).toEqual(nothing.body);
      expect(theirs.headers.get("content-type"), label).toBe(nothing.headers.get("content-type"));
    }
    const head = await a.client.request(`/api/v1/artifacts/${artifactId}/content`, { method: "HEAD" });
    expect(head.status).toBe(404);

    // B's artifact came through all of that unchanged.
    const got = await b.client.json(`/api/v1/artifacts/${artifactId}`);
    expect(got.status).toBe(200);
    expect(got.body.artifact).toMatchObject({ latestVersion: 0, tags: ["keep"] });
    expect(await (await b.client.request(`/api/v1/artifacts/${artifactId}/content`)).text()).toBe("B's bytes");
  });

  it("refuses uploads into another agent's namespace with the same answer as a namespace that does not exist", async () => {
    const custom = uniq("team:acl");
    await createNamespace(custom);
    const targets = [b.namespace, "agent:nobody-xyz", "team:does-not-exist", custom];
    const normalized: string[] = [];
    for (const namespace of targets) {
      const raw = await a.client.upload({ namespace, name: `${prefix}/intruder.txt` }, "x");
      expectError(raw, 403, "ARTIFACT_NAMESPACE_DENIED");
      normalized.push(JSON.stringify(raw.body).replaceAll(namespace, "<ns>"));

      const form = new FormData();
      form.set("namespace", namespace);
      form.set("name", `${prefix}/intruder.txt`);
      form.set("file", new Blob(["x"]), "intruder.txt");
      const multipart = await a.client.json("/api/v1/artifacts", { method: "POST", body: form });
      expectError(multipart, 403, "ARTIFACT_NAMESPACE_DENIED");
      normalized.push(JSON.stringify(multipart.body).replaceAll(namespace, "<ns>"));
    }
    expect(new Set(normalized).size).toBe(1);
    expect(await listedNames(b.client, `${prefix}/intruder`)).toEqual([]);
    expect(await listedNames(admin(), `${prefix}/intruder`)).toEqual([]);
  });

  it("refuses listing, usage and run/session views of another agent's namespace like a missing one", async () => {
    for (const path of [
      "/api/v1/artifacts?namespace=",
      "/api/v1/namespaces/",
      "/api/v1/runs/r1/artifacts?namespace=",
      "/api/v1/sessions/s1/artifacts?namespace=",
    ]) {
      const url = (ns: string) => (path.endsWith("/") ? `${path}${ns}/usage` : `${path}${encodeURIComponent(ns)}`);
      const theirs = await a.client.json(url(b.namespace));
      const nobody = await a.client.json(url("agent:nobody-xyz"));
      expectError(theirs, 403, "ARTIFACT_NAMESPACE_DENIED");
      expect(JSON.stringify(theirs.body).replaceAll(b.namespace, "<ns>")).toBe(
        JSON.stringify(nobody.body).replaceAll("agent:nobody-xyz", "<ns>"),
      );
    }
  });

  it("leaves other agents' artifacts out of unfiltered listings", async () => {
    await a.client.upload({ namespace: a.namespace, name: `${prefix}/a-own.txt` }, "A's bytes");
    expect(await listedNames(a.client, prefix)).toEqual([`${prefix}/a-own.txt`]);
    expect(await listedNames(b.client, prefix)).toEqual([name]);
    expect(await namespacesOf(a.client)).toEqual([a.namespace]);
  });

  it("lets admins read and write everything", async () => {
    const got = await admin().json(`/api/v1/artifacts/${artifactId}`);
    expect(got.status).toBe(200);
    expect(got.body.artifact.name).toBe(name);
    expect(await (await admin().request(`/api/v1/artifacts/${artifactId}/content`)).text()).toBe("B's bytes");
    expect(await listedNames(admin(), prefix, b.namespace)).toEqual([name]);
    expect(await listedNames(admin(), prefix)).toEqual([`${prefix}/a-own.txt`, name]);
    const versions = await admin().json(`/api/v1/artifacts/${artifactId}/versions`);
    expect(versions.body.versions).toHaveLength(1);
    const meNamespaces = await namespacesOf(admin());
    expect(meNamespaces).toEqual(expect.arrayContaining([a.namespace, b.namespace]));

    const up = await admin().upload({ namespace: b.namespace, name: `${prefix}/from-admin.txt` }, "admin wrote this");
    expect(up.status).toBe(201);
    expect(up.body.artifact.createdBy).toBe("admin");
    expect(await listedNames(b.client, prefix)).toEqual([`${prefix}/b-private.txt`, `${prefix}/from-admin.txt`]);
  });
});

describe("ring namespaces", () => {
  let member: TAgent;
  let second: TAgent;
  let outsider: TAgent;
  const group = uniq("ring");
  const ring = `ring:${group}`;
  const prefix = uniq("ringfiles");
  beforeAll(async () => {
    [member, second, outsider] = await Promise.all([createAgent(), createAgent(), createAgent()]);
    await createGroup(group);
    await addMember(group, member.name);
    await addMember(group, second.name);
  });

  it("lists the ring namespace for its members from the moment they join", async () => {
    expect(await namespacesOf(member.client)).toEqual([member.namespace, ring].sort());
    expect(await namespacesOf(outsider.client)).toEqual([outsider.namespace]);
  });

  it("lets every member read and write, and nobody else", async () => {
    const first = await member.client.upload({ namespace: ring, name: `${prefix}/shared.txt` }, "v0 by member");
    expect(first.status).toBe(201);
    const id = first.body.artifact.id;

    expect(await listedNames(second.client, prefix, ring)).toEqual([`${prefix}/shared.txt`]);
    expect(await (await second.client.request(`/api/v1/artifacts/${id}/content`)).text()).toBe("v0 by member");
    const next = await second.client.upload({ namespace: ring, name: `${prefix}/shared.txt` }, "v1 by second");
    expect(next.status).toBe(201);
    expect(next.body.version.version).toBe(1);
    expect(next.body.artifact.id).toBe(id);

    expectError(await outsider.client.upload({ namespace: ring, name: `${prefix}/outsider.txt` }, "x"), 403, "ARTIFACT_NAMESPACE_DENIED");
    expectError(await outsider.client.json(`/api/v1/artifacts?namespace=${ring}`), 403, "ARTIFACT_NAMESPACE_DENIED");
    expectError(await outsider.client.json(`/api/v1/artifacts/${id}`), 404, "ARTIFACT_NOT_FOUND");
    expect((await outsider.client.request(`/api/v1/artifacts/${id}/content`)).status).toBe(404);
    expect(await listedNames(outsider.client, prefix)).toEqual([]);
    expect(await listedNames(member.client, prefix)).toEqual([`${prefix}/shared.txt`]);
  });

  it("takes access away when a member is removed", async () => {
    const up = await second.client.upload({ namespace: ring, name: `${prefix}/before-removal.txt` }, "x");
    expect(up.status).toBe(201);
    await removeMember(group, second.name);

    expectError(
      await second.client.upload({ namespace: ring, name: `${prefix}/after-removal.txt` }, "x"),
      403,
      "ARTIFACT_NAMESPACE_DENIED",
    );
    expectError(await second.client.json(`/api/v1/artifacts?namespace=${ring}`), 403, "ARTIFACT_NAMESPACE_DENIED");
    expectError(await second.client.json(`/api/v1/artifacts/${up.body.artifact.id}`), 404, "ARTIFACT_NOT_FOUND");
    expect(await listedNames(second.client, prefix)).toEqual([]);
    expect(await namespacesOf(second.client)).toEqual([second.namespace]);

    // The remaining member keeps access, including to what the removed member published.
    expect(await listedNames(member.client, prefix, ring)).toEqual([`${prefix}/before-removal.txt`, `${prefix}/shared.txt`]);
  });
});

describe("grants", () => {
  const ns = uniq("team:grants");
  const prefix = uniq("granted");
  const group = uniq("readers");
  let reader: TAgent;
  let writer: TAgent;
  let otherWriter: TAgent;
  let groupie1: TAgent;
  let groupie2: TAgent;
  let outsider: TAgent;
  let readerGrant: string;
  let seedId: string;

  beforeAll(async () => {
    [reader, writer, otherWriter, groupie1, groupie2, outsider] = await Promise.all([
      createAgent(),
      createAgent(),
      createAgent(),
      createAgent(),
      createAgent(),
      createAgent(),
    ]);
    await createNamespace(ns);
    await createGroup(group);
    await addMember(group, groupie1.name);
    await addMember(group, groupie2.name);
    const seed = await admin().upload({ namespace: ns, name: `${prefix}/seed.txt`, tags: "seed" }, "seeded by admin");
    expect(seed.status).toBe(201);
    seedId = seed.body.artifact.id;
  });

  it("gives nothing before a grant", async () => {
    expectError(await reader.client.json(`/api/v1/artifacts?namespace=${ns}`), 403, "ARTIFACT_NAMESPACE_DENIED");
    expectError(await reader.client.json(`/api/v1/artifacts/${seedId}`), 404, "ARTIFACT_NOT_FOUND");
    expect(await namespacesOf(reader.client)).toEqual([reader.namespace]);
  });

  it("lets a read grant list and download, but not upload, change or delete", async () => {
    readerGrant = await grant(ns, { identity: reader.name }, "read");
    expect(await namespacesOf(reader.client)).toEqual([reader.namespace, ns].sort());
    expect(await listedNames(reader.client, prefix, ns)).toEqual([`${prefix}/seed.txt`]);
    expect(await listedNames(reader.client, prefix)).toEqual([`${prefix}/seed.txt`]);
    expect(await (await reader.client.request(`/api/v1/artifacts/${seedId}/content`)).text()).toBe("seeded by admin");
    expect((await reader.client.json(`/api/v1/artifacts/${seedId}/versions`)).body.versions).toHaveLength(1);

    expectError(await reader.client.upload({ namespace: ns, name: `${prefix}/by-reader.txt` }, "x"), 403, "ARTIFACT_NAMESPACE_DENIED");
    expectError(await reader.client.upload({ namespace: ns, name: `${prefix}/seed.txt` }, "overwrite"), 403, "ARTIFACT_NAMESPACE_DENIED");
    expectError(
      await reader.client.json(`/api/v1/artifacts/${seedId}`, { method: "PATCH", json: { tags: ["mine"] } }),
      403,
      "ARTIFACT_NAMESPACE_DENIED",
    );
    expectError(await reader.client.json(`/api/v1/artifacts/${seedId}/versions/0`, { method: "DELETE" }), 403, "ARTIFACT_NAMESPACE_DENIED");
    expectError(await reader.client.json(`/api/v1/artifacts/${seedId}`, { method: "DELETE" }), 403, "ARTIFACT_NAMESPACE_DENIED");

    const after = await admin().json(`/api/v1/artifacts/${seedId}`);
    expect(after.body.artifact).toMatchObject({ latestVersion: 0, tags: ["seed"] });
    expect(await listedNames(admin(), prefix, ns)).toEqual([`${prefix}/seed.txt`]);
  });

  it("lets a write grant upload; delete stays with the creator and admins", async () => {
    expectError(await writer.client.upload({ namespace: ns, name: `${prefix}/w.txt` }, "x"), 403, "ARTIFACT_NAMESPACE_DENIED");
    await grant(ns, { identity: writer.name }, "write");
    await grant(ns, { identity: otherWriter.name }, "write");

    const mine = await writer.client.upload({ namespace: ns, name: `${prefix}/w.txt` }, "writer v0");
    expect(mine.status).toBe(201);
    expect(mine.body.artifact.createdBy).toBe(writer.name);
    const doomed = await writer.client.upload({ namespace: ns, name: `${prefix}/doomed.txt` }, "to be deleted");
    expect(doomed.status).toBe(201);

    // Another write-grantee may add versions and retag, but not delete what it did not create.
    const v1 = await otherWriter.client.upload({ namespace: ns, name: `${prefix}/w.txt` }, "other v1");
    expect(v1.body.version.version).toBe(1);
    const patched = await otherWriter.client.json(`/api/v1/artifacts/${mine.body.artifact.id}`, {
      method: "PATCH",
      json: { tags: ["reviewed"] },
    });
    expect(patched.status).toBe(200);
    for (const target of [
      `/api/v1/artifacts/${mine.body.artifact.id}`,
      `/api/v1/artifacts/${mine.body.artifact.id}/versions/0`,
      `/api/v1/artifacts/${seedId}`,
    ]) {
      expectError(await otherWriter.client.json(target, { method: "DELETE" }), 403, "ARTIFACT_NAMESPACE_DENIED");
    }
    expect((await writer.client.json(`/api/v1/artifacts/${mine.body.artifact.id}/versions`)).body.versions).toHaveLength(2);
    // Nor may the creator of one artifact delete another's.
    expectError(await writer.client.json(`/api/v1/artifacts/${seedId}`, { method: "DELETE" }), 403, "ARTIFACT_NAMESPACE_DENIED");

    const byCreator = await writer.client.request(`/api/v1/artifacts/${doomed.body.artifact.id}`, { method: "DELETE" });
    expect(byCreator.status).toBe(204);
    expectError(await writer.client.json(`/api/v1/artifacts/${doomed.body.artifact.id}`), 404, "ARTIFACT_NOT_FOUND");

    const byAdmin = await admin().request(`/api/v1/artifacts/${mine.body.artifact.id}`, { method: "DELETE" });
    expect(byAdmin.status).toBe(204);
    expectError(await writer.client.json(`/api/v1/artifacts/${mine.body.artifact.id}`), 404, "ARTIFACT_NOT_FOUND");
    expectError(await admin().json(`/api/v1/artifacts/${mine.body.artifact.id}`), 404, "ARTIFACT_NOT_FOUND");
    expect(await listedNames(writer.client, prefix, ns)).toEqual([`${prefix}/seed.txt`]);
  });

  it("applies a group grant to every member, and a revoked grant to none", async () => {
    expectError(await groupie1.client.json(`/api/v1/artifacts?namespace=${ns}`), 403, "ARTIFACT_NAMESPACE_DENIED");
    const groupGrant = await grant(ns, { group }, "read");
    for (const g of [groupie1, groupie2]) {
      expect(await listedNames(g.client, prefix, ns)).toEqual([`${prefix}/seed.txt`]);
      expect(await (await g.client.request(`/api/v1/artifacts/${seedId}/content`)).text()).toBe("seeded by admin");
      expectError(await g.client.upload({ namespace: ns, name: `${prefix}/g.txt` }, "x"), 403, "ARTIFACT_NAMESPACE_DENIED");
      expect(await namespacesOf(g.client)).toEqual([g.namespace, `ring:${group}`, ns].sort());
    }
    expect(await listedNames(outsider.client, prefix)).toEqual([]);

    // Granting again changes the permission of the same grant.
    expect(await grant(ns, { group }, "write")).toBe(groupGrant);
    const up = await groupie2.client.upload({ namespace: ns, name: `${prefix}/g.txt` }, "by the group");
    expect(up.status).toBe(201);

    await revokeGrant(ns, groupGrant);
    for (const g of [groupie1, groupie2]) {
      expectError(await g.client.json(`/api/v1/artifacts?namespace=${ns}`), 403, "ARTIFACT_NAMESPACE_DENIED");
      expectError(await g.client.json(`/api/v1/artifacts/${seedId}`), 404, "ARTIFACT_NOT_FOUND");
      expectError(await g.client.upload({ namespace: ns, name: `${prefix}/g2.txt` }, "x"), 403, "ARTIFACT_NAMESPACE_DENIED");
      expect(await listedNames(g.client, prefix)).toEqual([]);
      expect(await namespacesOf(g.client)).toEqual([g.namespace, `ring:${group}`].sort());
    }
  });

  it("takes access away when an identity's grant is revoked", async () => {
    await revokeGrant(ns, readerGrant);
    expectError(await reader.client.json(`/api/v1/artifacts?namespace=${ns}`), 403, "ARTIFACT_NAMESPACE_DENIED");
    expectError(await reader.client.json(`/api/v1/artifacts/${seedId}`), 404, "ARTIFACT_NOT_FOUND");
    expect((await reader.client.request(`/api/v1/artifacts/${seedId}/content`)).status).toBe(404);
    expect(await listedNames(reader.client, prefix)).toEqual([]);
    expect(await namespacesOf(reader.client)).toEqual([reader.namespace]);
    // Revoking it again: the grant is gone.
    expect((await admin().json(`/api/v1/namespaces/${ns}/grants/${readerGrant}`, { method: "DELETE" })).status).toBe(404);
  });

  it("grants on personal namespaces too, and the namespace owner may delete what a grantee put there", async () => {
    const owner = await createAgent();
    await grant(owner.namespace, { identity: writer.name }, "write");
    const up = await writer.client.upload({ namespace: owner.namespace, name: `${prefix}/guest.txt` }, "guest");
    expect(up.status).toBe(201);
    expectError(await otherWriter.client.json(`/api/v1/artifacts/${up.body.artifact.id}`), 404, "ARTIFACT_NOT_FOUND");
    expect((await owner.client.request(`/api/v1/artifacts/${up.body.artifact.id}`, { method: "DELETE" })).status).toBe(204);
    expectError(await writer.client.json(`/api/v1/artifacts/${up.body.artifact.id}`), 404, "ARTIFACT_NOT_FOUND");
  });
});
