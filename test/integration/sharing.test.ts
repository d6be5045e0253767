import { beforeAll, describe, expect, it } from "vitest";
import { adminApi, createAgent, uniq, type TClient } from "../support/api.ts";

type TAgent = Awaited<ReturnType<typeof createAgent>>;

async function upload(agent: TAgent, name: string, ...contents: string[]) {
  let id = "";
  for (const content of contents) {
    const res = await agent.client.upload({ namespace: agent.namespace, name }, content);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    id = res.body.artifact.id;
  }
  return id;
}

async function createGroup(members: string[]) {
  const name = uniq("grp");
  expect((await adminApi().json("/api/v1/groups", { method: "POST", json: { name } })).status).toBe(201);
  for (const identity of members) {
    expect((await adminApi().json(`/api/v1/groups/${name}/members`, { method: "POST", json: { identity } })).status).toBeLessThan(300);
  }
  return name;
}

/** A reader's view: metadata, every version's bytes, history, a download URL and a share link. */
async function expectReads(client: TClient, id: string, versions: string[]) {
  expect((await client.json(`/api/v1/artifacts/${id}`)).status).toBe(200);
  for (const [n, text] of versions.entries()) {
    const res = await client.request(`/api/v1/artifacts/${id}/content?version=${n}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(text);
  }
  expect((await client.json(`/api/v1/artifacts/${id}/versions`)).body.versions).toHaveLength(versions.length);
  const url = await client.json(`/api/v1/artifacts/${id}/url`);
  expect(url.status).toBe(200);
  expect(await (await fetch(url.body.url)).text()).toBe(versions.at(-1));
  const link = await client.json(`/api/v1/artifacts/${id}/share`, { method: "POST", json: { version: 0 } });
  expect(link.status).toBe(201);
  expect(await (await fetch(link.body.url)).text()).toBe(versions[0]);
}

/** A share never lets its recipient change anything: each attempt is 403 and nothing changes. */
async function expectNoChanges(client: TClient, owner: TAgent, id: string, name: string) {
  const attempts = [
    client.request(`/api/v1/artifacts/${id}`, { method: "DELETE" }),
    client.request(`/api/v1/artifacts/${id}/versions/0`, { method: "DELETE" }),
    client.json(`/api/v1/artifacts/${id}`, { method: "PATCH", json: { tags: ["mine"] } }),
    client.json(`/api/v1/artifacts/${id}/shares`, { method: "POST", json: { identity: owner.name } }),
    client.json(`/api/v1/artifacts/${id}/shares`),
    client.upload({ namespace: owner.namespace, name }, "overwritten"),
  ];
  for (const res of await Promise.all(attempts)) expect(res.status).toBe(403);
  const versions = await owner.client.json(`/api/v1/artifacts/${id}/versions`);
  expect(versions.body.versions).toHaveLength(2);
}

describe("sharing artifacts with identities and groups", () => {
  let alice: TAgent;
  let bob: TAgent;
  let carol: TAgent;
  beforeAll(async () => {
    [alice, bob, carol] = await Promise.all([createAgent(), createAgent(), createAgent()]);
  });

  it("an identity reads and downloads every version but changes nothing; unsharing is a 404 at once", async () => {
    const name = uniq("report.csv");
    const id = await upload(alice, name, "v0 bytes", "v1 bytes");
    expect((await bob.client.json(`/api/v1/artifacts/${id}`)).status).toBe(404);

    const shared = await alice.client.json(`/api/v1/artifacts/${id}/shares`, { method: "POST", json: { identity: bob.name } });
    expect(shared.status).toBe(201);
    expect(shared.body.share).toMatchObject({ artifactId: id, identity: bob.name, group: null, createdBy: alice.name });
    const again = await alice.client.json(`/api/v1/artifacts/${id}/shares`, { method: "POST", json: { identity: bob.name } });
    expect(again.status).toBe(200);
    expect(again.body.share).toEqual(shared.body.share);

    await expectReads(bob.client, id, ["v0 bytes", "v1 bytes"]);
    await expectNoChanges(bob.client, alice, id, name);
    expect((await carol.client.json(`/api/v1/artifacts/${id}`)).status).toBe(404);

    const list = await alice.client.json(`/api/v1/artifacts/${id}/shares`);
    expect(list.body.shares.map((s: { id: string }) => s.id)).toEqual([shared.body.share.id]);
    expect((await alice.client.request(`/api/v1/artifacts/${id}/shares/${shared.body.share.id}`, { method: "DELETE" })).status).toBe(204);
    for (const path of [
      `/api/v1/artifacts/${id}`,
      `/api/v1/artifacts/${id}/content`,
      `/api/v1/artifacts/${id}/versions`,
      `/api/v1/artifacts/${id}/url`,
    ]) {
      const res = await bob.client.json(path);
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe("ARTIFACT_NOT_FOUND");
    }
    expect((await alice.client.request(`/api/v1/artifacts/${id}/shares/${shared.body.share.id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("a group's members read it; others and former members do not", async () => {
    const name = uniq("plan.md");
    const id = await upload(alice, name, "draft", "final");
    const group = await createGroup([carol.name]);
    const shared = await alice.client.json(`/api/v1/artifacts/${id}/shares`, { method: "POST", json: { group } });
    expect(shared.status).toBe(201);
    expect(shared.body.share).toMatchObject({ identity: null, group });

    await expectReads(carol.client, id, ["draft", "final"]);
    await expectNoChanges(carol.client, alice, id, name);
    expect((await bob.client.json(`/api/v1/artifacts/${id}`)).status).toBe(404);

    expect((await adminApi().request(`/api/v1/groups/${group}/members/${carol.name}`, { method: "DELETE" })).status).toBeLessThan(300);
    expect((await carol.client.json(`/api/v1/artifacts/${id}`)).status).toBe(404);
  });

  it("shared-with-me lists exactly the live artifacts shared with the caller, paginated", async () => {
    const dave = await createAgent();
    const group = await createGroup([dave.name]);
    const direct = await upload(alice, uniq("direct"), "a", "b");
    const viaGroup = await upload(alice, uniq("group"), "a", "b");
    const elsewhere = await upload(alice, uniq("carol-only"), "a", "b");
    const deleted = await upload(alice, uniq("deleted"), "a", "b");
    const expiring = await upload(alice, uniq("expiring"), "a", "b");
    await upload(alice, uniq("never"), "a", "b");
    const share = (id: string, target: object) => alice.client.json(`/api/v1/artifacts/${id}/shares`, { method: "POST", json: target });
    for (const id of [direct, deleted, expiring]) expect((await share(id, { identity: dave.name })).status).toBe(201);
    expect((await share(viaGroup, { group })).status).toBe(201);
    expect((await share(elsewhere, { identity: carol.name })).status).toBe(201);
    expect((await alice.client.request(`/api/v1/artifacts/${deleted}`, { method: "DELETE" })).status).toBe(204);
    const soon = new Date(Date.now() + 1500).toISOString();
    expect((await alice.client.json(`/api/v1/artifacts/${expiring}`, { method: "PATCH", json: { expiresAt: soon } })).status).toBe(200);
    expect((await dave.client.json("/api/v1/shared-with-me")).body.artifacts.map((a: { id: string }) => a.id)).toEqual([
      expiring,
      viaGroup,
      direct,
    ]);
    await new Promise((r) => setTimeout(r, 1600));

    const all = await dave.client.json("/api/v1/shared-with-me");
    expect(all.status).toBe(200);
    expect(all.body.artifacts.map((a: { id: string }) => a.id)).toEqual([viaGroup, direct]);
    expect(all.body.artifacts[0]).toMatchObject({
      namespace: alice.namespace,
      latest: { version: 1 },
      sharedWithMe: [{ group, identity: null, createdBy: alice.name }],
    });
    expect(all.body.nextCursor).toBeNull();

    const first = await dave.client.json("/api/v1/shared-with-me?limit=1");
    expect(first.body.artifacts.map((a: { id: string }) => a.id)).toEqual([viaGroup]);
    const second = await dave.client.json(`/api/v1/shared-with-me?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.artifacts.map((a: { id: string }) => a.id)).toEqual([direct]);
    expect(second.body.nextCursor).toBeNull();
    for (const bad of ["limit=0", "limit=x", "cursor=***", "sort=name"]) {
      const res = await dave.client.json(`/api/v1/shared-with-me?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe("ARTIFACT_VALIDATION_FAILED");
    }
    expect((await fetch(`${dave.client.baseUrl}/api/v1/shared-with-me`)).status).toBe(401);
  });

  it("bad share requests are 400s naming the field, and change nothing", async () => {
    const id = await upload(alice, uniq("guarded"), "a", "b");
    const post = (body: string, contentType = "application/json") =>
      alice.client.json(`/api/v1/artifacts/${id}/shares`, {
        method: "POST",
        body,
        headers: contentType ? { "content-type": contentType } : {},
      });
    const cases: [string, string | undefined, string?][] = [
      [JSON.stringify({ identity: uniq("nobody") }), "identity"],
      [JSON.stringify({ group: uniq("no-group") }), "group"],
      [JSON.stringify({}), "identity"],
      [JSON.stringify({ identity: bob.name, group: "x" }), "group"],
      [JSON.stringify({ identity: bob.name, permission: "write" }), undefined],
      [JSON.stringify({ identity: "" }), "identity"],
      [JSON.stringify({ identity: 42 }), "identity"],
      ["{not json", undefined],
      [JSON.stringify({ identity: bob.name }), undefined, "text/plain"],
    ];
    for (const [body, field, type] of cases) {
      const res = await post(body, type);
      expect(res.status, body).toBe(400);
      expect(res.body.error.code).toBe("ARTIFACT_VALIDATION_FAILED");
      if (field) expect(res.body.error.field, body).toBe(field);
    }
    expect((await alice.client.json(`/api/v1/artifacts/${id}/shares`)).body.shares).toEqual([]);
    expect((await bob.client.json(`/api/v1/artifacts/${id}`)).status).toBe(404);
    // Strangers get the 404 before any validation of whom to share with.
    expect((await bob.client.json(`/api/v1/artifacts/${id}/shares`, { method: "POST", json: { identity: uniq("nobody") } })).status).toBe(
      404,
    );
  });
});

describe("revocable share links", () => {
  let alice: TAgent;
  let bob: TAgent;
  beforeAll(async () => {
    [alice, bob] = await Promise.all([createAgent(), createAgent()]);
  });

  it("a revoked link stops at once while another link to the same version still works", async () => {
    const id = await upload(alice, uniq("linked.txt"), "only version");
    const mint = () => alice.client.json(`/api/v1/artifacts/${id}/share`, { method: "POST", json: { version: 0 } });
    const [a, b] = [await mint(), await mint()];
    expect(a.body.id).not.toBe(b.body.id);
    expect((await fetch(a.body.url)).status).toBe(200);

    const listed = await alice.client.json(`/api/v1/artifacts/${id}/share-links`);
    expect(listed.status).toBe(200);
    expect(listed.body.links.map((l: { id: string }) => l.id)).toEqual([b.body.id, a.body.id]);
    expect(listed.body.links[0]).toMatchObject({
      version: 0,
      status: "active",
      createdBy: alice.name,
      revokedAt: null,
      expiresAt: b.body.expiresAt,
    });
    // The token (its signature) is never listed.
    expect(JSON.stringify(listed.body)).not.toContain((a.body.url as string).split(".").pop());
    expect(JSON.stringify(listed.body)).not.toContain("/api/v1/share/");

    // Someone who cannot see the artifact cannot touch its links (404, as for the artifact).
    expect((await bob.client.request(`/api/v1/share-links/${a.body.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await bob.client.json(`/api/v1/artifacts/${id}/share-links`)).status).toBe(404);

    expect((await alice.client.request(`/api/v1/share-links/${a.body.id}`, { method: "DELETE" })).status).toBe(204);
    const revoked = await fetch(a.body.url);
    expect(revoked.status).toBe(403);
    expect((await revoked.json()).error).toMatchObject({ code: "ARTIFACT_SHARE_LINK_INVALID", message: expect.stringMatching(/revoked/) });
    expect((await fetch(a.body.url, { method: "HEAD" })).status).toBe(403);
    const still = await fetch(b.body.url);
    expect(still.status).toBe(200);
    expect(await still.text()).toBe("only version");

    expect((await alice.client.request(`/api/v1/share-links/${a.body.id}`, { method: "DELETE" })).status).toBe(204);
    const after = await alice.client.json(`/api/v1/artifacts/${id}/share-links`);
    expect(after.body.links.find((l: { id: string }) => l.id === a.body.id)).toMatchObject({ status: "revoked", revokedBy: alice.name });
    expect((await alice.client.request(`/api/v1/share-links/00000000000000000000000000`, { method: "DELETE" })).status).toBe(404);
  });

  it("a reader the artifact was shared with makes links; the owner sees and revokes them, other readers do not", async () => {
    const carol = await createAgent();
    const id = await upload(alice, uniq("shared-linked.txt"), "bytes");
    for (const who of [bob, carol]) {
      expect((await alice.client.json(`/api/v1/artifacts/${id}/shares`, { method: "POST", json: { identity: who.name } })).status).toBe(
        201,
      );
    }
    const bobs = await bob.client.json(`/api/v1/artifacts/${id}/share`, { method: "POST" });
    expect(bobs.status).toBe(201);
    expect((await carol.client.json(`/api/v1/artifacts/${id}/share-links`)).body.links).toEqual([]);
    const denied = await carol.client.json(`/api/v1/share-links/${bobs.body.id}`, { method: "DELETE" });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe("ARTIFACT_NAMESPACE_DENIED");
    expect(
      (await alice.client.json(`/api/v1/artifacts/${id}/share-links`)).body.links.map((l: { createdBy: string }) => l.createdBy),
    ).toEqual([bob.name]);
    expect((await alice.client.request(`/api/v1/share-links/${bobs.body.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await fetch(bobs.body.url)).status).toBe(403);
  });
});
