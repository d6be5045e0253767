import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { publishArtifact } from "@/lib/artifacts/publish-artifact";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { openSharedContent } from "@/lib/delivery/open-shared-content";
import { openVersionContent } from "@/lib/delivery/open-version-content";
import { createShareLink } from "@/lib/sharing/share-links";
import { MAX_BYTES, body, sha256, useFreshHarness } from "../../support/service-harness";

// Every caller of lib (the HTTP server, a CLI, an MCP server, an ADK adapter) gets the same
// audit trail, because lib writes it.
const h = useFreshHarness();
const NS = "agent:alice";

const events = async (action: string) => (await listAuditEvents(h.db, h.admin, { limit: 100, action })).events;

/** A sink that takes whatever a download writes. */
function sink() {
  const chunks: Buffer[] = [];
  const s = new PassThrough();
  s.on("data", (c: Buffer) => chunks.push(c));
  return { s, bytes: () => Buffer.concat(chunks) };
}

describe("publishArtifact records the upload", () => {
  it("writes artifact.upload with the caller's via, size and sha256", async () => {
    const r = await publishArtifact(h.db, h.store, h.alice, MAX_BYTES, {
      fields: { namespace: NS, name: "a.txt" },
      body: body("hello"),
      via: "mcp",
    });
    const [e, ...rest] = await events("artifact.upload");
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ actorId: h.alice.identityId, actorName: "alice", namespace: NS, artifactId: r.artifact.id, version: 0 });
    expect(e!.details).toEqual({ via: "mcp", sizeBytes: 5, sha256: sha256("hello") });
  });

  it("says via service when the caller does not say, and skips Idempotency-Key replays", async () => {
    const input = () => ({ fields: { namespace: NS, name: "b.txt" }, body: body("same"), idempotencyKey: "k-1" });
    const first = await publishArtifact(h.db, h.store, h.alice, MAX_BYTES, input());
    const replay = await publishArtifact(h.db, h.store, h.alice, MAX_BYTES, input());
    expect(replay.replayed).toBe(true);
    const recorded = await events("artifact.upload");
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ artifactId: first.artifact.id, details: { via: "service" } });
  });

  it("records nothing for a refused upload", async () => {
    await expect(
      publishArtifact(h.db, h.store, h.carol, MAX_BYTES, { fields: { namespace: NS, name: "c.txt" }, body: body("x") }),
    ).rejects.toMatchObject({ code: "ARTIFACT_NAMESPACE_DENIED" });
    expect(await events("artifact.upload")).toEqual([]);
  });
});

describe("openVersionContent", () => {
  it("authorizes, serves the version's bytes and records artifact.download", async () => {
    const r = await h.publish(h.alice, { namespace: NS, name: "d.txt" }, "download me");
    const download = await openVersionContent(
      h.db,
      h.alice,
      r.artifact.id,
      { method: "GET", headers: new Headers() },
      { presignSeconds: 600 },
    );
    expect(download.status).toBe(200);
    const out = sink();
    await download.body!(out.s);
    expect(out.bytes().toString()).toBe("download me");
    await download.audited;
    const [e] = await events("artifact.download");
    expect(e).toMatchObject({
      actorId: h.alice.identityId,
      namespace: NS,
      artifactId: r.artifact.id,
      version: 0,
      details: { via: "api", status: 200 },
    });
  });

  it("records nothing for HEAD or a 304, and refuses a stranger", async () => {
    const r = await h.publish(h.alice, { namespace: NS, name: "e.txt" }, "e");
    const head = await openVersionContent(
      h.db,
      h.alice,
      r.artifact.id,
      { method: "HEAD", headers: new Headers() },
      { presignSeconds: 600 },
    );
    await head.audited;
    const etag = head.headers.ETag!;
    const cached = await openVersionContent(
      h.db,
      h.alice,
      r.artifact.id,
      { method: "GET", headers: new Headers({ "if-none-match": etag }) },
      { presignSeconds: 600 },
    );
    expect(cached.status).toBe(304);
    await cached.audited;
    expect(await events("artifact.download")).toEqual([]);
    await expect(
      openVersionContent(h.db, h.carol, r.artifact.id, { method: "GET", headers: new Headers() }, { presignSeconds: 600 }),
    ).rejects.toMatchObject({ code: "ARTIFACT_NOT_FOUND" });
  });
});

describe("openSharedContent", () => {
  it("records a share link's download as anonymous via that link, never the token", async () => {
    const r = await h.publish(h.alice, { namespace: NS, name: "f.txt" }, "shared");
    const link = await createShareLink(h.db, h.alice, r.artifact.id, { expiresIn: 600, maxSeconds: 3600, baseUrl: "http://stowage.test" });
    const token = new URL(link.url).pathname.split("/").pop()!;
    const download = await openSharedContent(h.db, token, { method: "GET", headers: new Headers() }, { presignSeconds: 600 });
    const out = sink();
    await download.body!(out.s);
    expect(out.bytes().toString()).toBe("shared");
    await download.audited;
    const [e] = await events("artifact.download");
    expect(e).toMatchObject({ actorId: null, artifactId: r.artifact.id, details: { via: "share-link" } });
    expect(e!.actorName).toMatch(/^anonymous via share link /);
    expect(JSON.stringify(e)).not.toContain(token);
  });
});
