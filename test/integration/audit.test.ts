import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { adminApi, createAgent, uniq, type TClient } from "../support/api.ts";

type TAgent = Awaited<ReturnType<typeof createAgent>>;
type TEvent = {
  id: string;
  createdAt: string;
  action: string;
  actorId: string | null;
  actorName: string;
  namespace: string | null;
  artifactId: string | null;
  version: number | null;
  details: Record<string, unknown>;
};

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

async function audit(query: string, client: TClient = adminApi()) {
  const res = await client.json<{ events: TEvent[]; nextCursor: string | null }>(`/api/v1/audit?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** Downloads are recorded while the bytes go out: give the write a moment to land. */
async function eventually(query: string, done: (events: TEvent[]) => boolean): Promise<TEvent[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const { events } = await audit(query);
    if (done(events) || Date.now() > deadline) return events;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A direct upload through the filesystem backend's own part route; returns the upload id. */
async function directUpload(agent: TAgent, name: string, content: string, finish: "complete" | "abort") {
  const started = await agent.client.json("/api/v1/uploads", {
    method: "POST",
    json: { namespace: agent.namespace, name, size: content.length },
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const id = started.body.id as string;
  if (finish === "abort") {
    expect((await agent.client.json(`/api/v1/uploads/${id}`, { method: "DELETE" })).status).toBe(200);
    return { id, artifactId: null };
  }
  const parts = await agent.client.json(`/api/v1/uploads/${id}/parts`, { method: "POST", json: { partNumbers: [1] } });
  expect((await fetch(parts.body.parts[0].url, { method: "PUT", body: content })).status).toBe(200);
  const done = await agent.client.json(`/api/v1/uploads/${id}/complete`, { method: "POST" });
  expect(done.status).toBe(201);
  return { id, artifactId: done.body.artifact.id as string };
}

describe("audit log", () => {
  let alice: TAgent;
  let bob: TAgent;
  beforeAll(async () => {
    [alice, bob] = await Promise.all([createAgent(uniq("aud-alice")), createAgent(uniq("aud-bob"))]);
  });

  it("records uploads, downloads, shares, links, URLs and deletes with the right actor", async () => {
    const name = uniq("audited.txt");
    const v0 = await alice.client.upload({ namespace: alice.namespace, name }, "version zero");
    await alice.client.upload({ namespace: alice.namespace, name }, "version one");
    // A retried upload (same Idempotency-Key) publishes nothing and is not recorded again.
    const retry = { namespace: alice.namespace, name };
    await alice.client.upload(retry, "version two", { headers: { "idempotency-key": "k1" } });
    expect((await alice.client.upload(retry, "version two", { headers: { "idempotency-key": "k1" } })).status).toBe(200);
    const id = v0.body.artifact.id as string;

    const share = await alice.client.json(`/api/v1/artifacts/${id}/shares`, { method: "POST", json: { identity: bob.name } });
    const content = await bob.client.request(`/api/v1/artifacts/${id}/content?version=0`);
    expect(await content.text()).toBe("version zero");
    // HEAD and 304 hand out no bytes: not recorded.
    await bob.client.request(`/api/v1/artifacts/${id}/content`, { method: "HEAD" });
    await bob.client.request(`/api/v1/artifacts/${id}/content?version=0`, { headers: { "if-none-match": `"${sha256("version zero")}"` } });
    const link = await alice.client.json(`/api/v1/artifacts/${id}/share`, { method: "POST", json: { version: 1 } });
    expect(await (await fetch(link.body.url)).text()).toBe("version one");
    expect((await alice.client.request(`/api/v1/share-links/${link.body.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await fetch(link.body.url)).status).toBe(403);
    const url = await bob.client.json(`/api/v1/artifacts/${id}/url?version=2&expiresIn=300`);
    expect(await (await fetch(url.body.url)).text()).toBe("version two");
    expect((await alice.client.request(`/api/v1/artifacts/${id}/shares/${share.body.share.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await alice.client.request(`/api/v1/artifacts/${id}/versions/0`, { method: "DELETE" })).status).toBe(204);
    expect((await alice.client.request(`/api/v1/artifacts/${id}`, { method: "DELETE" })).status).toBe(204);

    const events = (await eventually(`artifactId=${id}`, (e) => e.length >= 13)).reverse();
    expect(events.map((e) => [e.action, e.actorName, e.version])).toEqual([
      ["artifact.upload", alice.name, 0],
      ["artifact.upload", alice.name, 1],
      ["artifact.upload", alice.name, 2],
      ["share.create", alice.name, null],
      ["artifact.download", bob.name, 0],
      ["share_link.create", alice.name, 1],
      ["artifact.download", `anonymous via share link ${link.body.id}`, 1],
      ["share_link.revoke", alice.name, 1],
      ["url.mint", bob.name, 2],
      ["artifact.download", "anonymous via download URL", 2],
      ["share.delete", alice.name, null],
      ["version.delete", alice.name, 0],
      ["artifact.delete", alice.name, null],
    ]);
    const [upload0, , , shared, download, linkMade, linkOpened, revoked, minted, urlOpened] = events;
    expect(upload0!.details).toEqual({ via: "api", sizeBytes: 12, sha256: sha256("version zero") });
    expect(upload0).toMatchObject({ namespace: alice.namespace, actorId: expect.any(String) });
    expect(shared!.details).toMatchObject({ identity: bob.name, shareId: share.body.share.id });
    expect(download!.details).toEqual({ via: "api", status: 200 });
    expect(linkMade!.details).toEqual({ linkId: link.body.id, expiresAt: link.body.expiresAt });
    expect(linkOpened).toMatchObject({ actorId: null, details: { via: "share-link", status: 200, linkId: link.body.id } });
    expect(revoked!.details).toEqual({ linkId: link.body.id });
    expect(minted!.details).toEqual({ via: "url", delivery: "stowage", expiresAt: url.body.expiresAt });
    expect(urlOpened).toMatchObject({ actorId: null, details: { via: "download-url", status: 200 } });
  });

  it("records direct uploads: start, complete with the upload, abort", async () => {
    const done = await directUpload(alice, uniq("direct.bin"), "direct bytes", "complete");
    const dropped = await directUpload(alice, uniq("dropped.bin"), "never sent", "abort");
    const mine = (await audit(`actor=${alice.name}&limit=200`)).events;
    const of = (uploadId: string) =>
      mine
        .filter((e) => e.details.uploadId === uploadId)
        .map((e) => e.action)
        .reverse();
    expect(of(done.id)).toEqual(["upload.start", "artifact.upload", "upload.complete"]);
    expect(of(dropped.id)).toEqual(["upload.start", "upload.abort"]);
    const uploaded = mine.find((e) => e.action === "artifact.upload" && e.details.uploadId === done.id)!;
    expect(uploaded).toMatchObject({
      artifactId: done.artifactId,
      version: 0,
      details: { via: "direct-upload", sizeBytes: 12, sha256: sha256("direct bytes") },
    });
  });

  it("filters by action, actor, namespace, artifact and time, and pages newest first", async () => {
    const carol = await createAgent(uniq("aud-carol"));
    const before = new Date(Date.now() - 1).toISOString();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await carol.client.upload({ namespace: carol.namespace, name: `f${i}.txt` }, `file ${i}`)).body.artifact.id);
    const after = new Date(Date.now() + 1).toISOString();
    await carol.client.request(`/api/v1/artifacts/${ids[0]}/content`);

    expect((await audit(`actor=${carol.name}&action=artifact.upload`)).events.map((e) => e.artifactId)).toEqual([...ids].reverse());
    expect((await audit(`namespace=${encodeURIComponent(carol.namespace)}&action=artifact.upload`)).events).toHaveLength(5);
    const downloads = await eventually(`actor=${carol.name}&action=artifact.download`, (e) => e.length === 1);
    expect(downloads.map((e) => e.artifactId)).toEqual([ids[0]]);
    expect((await audit(`actor=${carol.name}&from=${before}&to=${after}`)).events.map((e) => e.action)).toEqual(
      Array(5).fill("artifact.upload"),
    );
    expect((await audit(`actor=${carol.name}&to=${before}`)).events).toEqual([]);
    expect((await audit(`artifactId=${ids[2]}`)).events.map((e) => e.action)).toEqual(["artifact.upload"]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await audit(`actor=${carol.name}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.events.length).toBeLessThanOrEqual(2);
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await audit(`actor=${carol.name}`)).events;
    expect(seen).toEqual(all.map((e) => e.id));
    expect(all).toHaveLength(6);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it("is for admins only (403), needs a key (401), and refuses bad filters with a 400 naming the field", async () => {
    const denied = await alice.client.json("/api/v1/audit");
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe("FORBIDDEN");
    expect((await fetch(`${alice.client.baseUrl}/api/v1/audit`)).status).toBe(401);

    for (const [query, field] of [
      ["from=yesterday", "from"],
      ["to=2030-01-01T10:00:00", "to"],
      ["from=2030-02-30", "from"],
      ["from=2030-01-02&to=2030-01-01", "to"],
      ["limit=0", "limit"],
      ["limit=201", "limit"],
      ["limit=ten", "limit"],
      ["cursor=%25%25", "cursor"],
      ["action=artifact.steal", "action"],
      ["action=artifact.upload&action=artifact.delete", "action"],
      ["actor=", "actor"],
    ]) {
      const res = await adminApi().json(`/api/v1/audit?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error, query).toMatchObject({ code: "ARTIFACT_VALIDATION_FAILED", field });
    }
    const unknown = await adminApi().json("/api/v1/audit?user=alice");
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/unknown field/);
  });
});
