import { Readable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { deleteArtifact, deleteVersion } from "@/lib/artifacts/delete-artifact";
import { listAuditEvents, type TAuditFilter } from "@/lib/audit/list-audit-events";
import { AUDIT_ACTIONS, recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getDownloadUrl } from "@/lib/delivery/get-download-url";
import { revokeShareLink } from "@/lib/sharing/revoke-share-link";
import { shareArtifact } from "@/lib/sharing/share-artifact";
import { createShareLink } from "@/lib/sharing/share-links";
import { unshareArtifact } from "@/lib/sharing/unshare-artifact";
import { abortDirectUpload } from "@/lib/uploads/abort-direct-upload";
import { completeDirectUpload } from "@/lib/uploads/complete-direct-upload";
import { expectedPartSize } from "@/lib/uploads/plan-parts";
import { startDirectUpload } from "@/lib/uploads/start-direct-upload";
import { sha256, stowageError, useFreshHarness } from "../../support/service-harness";

const h = useFreshHarness();
const NS = "agent:alice";
const MiB = 1024 * 1024;

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const list = (filter: Partial<TAuditFilter> = {}) => listAuditEvents(h.db, h.admin, { limit: 200, ...filter });
const actions = async (filter: Partial<TAuditFilter> = {}) => (await list(filter)).events.map((e) => e.action);

describe("recordAuditEvent", () => {
  it("stores who, what, where and the details as JSON", async () => {
    await recordAuditEvent(h.db, {
      actor: h.alice,
      action: "quota.change",
      namespace: NS,
      details: { quotaBytes: 10n * BigInt(MiB), previous: null },
    });
    const [e] = (await list()).events;
    expect(e).toMatchObject({
      action: "quota.change",
      actorId: h.alice.identityId,
      actorName: "alice",
      namespace: NS,
      artifactId: null,
      version: null,
    });
    expect(e!.details).toEqual({ quotaBytes: 10 * MiB, previous: null });
    // The id starts with the same instant as createdAt.
    expect(parseInt(e!.id.slice(0, 10), 36)).toBe(Date.parse(e!.createdAt));
  });

  it("drops anything in the details that looks like a URL with a signature, a share link or a key", async () => {
    await recordAuditEvent(h.db, {
      actor: null,
      actorName: "system",
      action: "url.mint",
      details: {
        presigned: "https://s3.example/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc",
        part: "http://x/api/v1/uploads/u/parts/1?expires=1&signature=abc",
        link: "http://x/api/v1/share/abc.def",
        nested: { key: "stw_0123456789abcdef" },
        fine: "2030-01-01T00:00:00.000Z",
      },
    });
    const [e] = (await list()).events;
    expect(e!.actorName).toBe("system");
    expect(e!.details).toEqual({
      presigned: "[redacted]",
      part: "[redacted]",
      link: "[redacted]",
      nested: { key: "[redacted]" },
      fine: "2030-01-01T00:00:00.000Z",
    });
  });

  it("never throws into the caller: a failing insert is logged and the caller goes on", async () => {
    const { artifact } = await h.publish(h.alice, { namespace: NS, name: "a.txt" });
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    // A real fault: the table is gone.
    await h.db.$executeRawUnsafe('DROP TABLE "AuditEvent"');
    await expect(recordAuditEvent(h.db, { actor: h.alice, action: "share.create", details: { note: "x" } })).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]![0])).toMatch(/could not record audit event share\.create/);
    // And the service that records still succeeds.
    expect((await shareArtifact(h.db, h.alice, artifact.id, { identity: "bob" })).created).toBe(true);
  });

  it("a publish commits with its audit row or not at all", async () => {
    await h.publish(h.alice, { namespace: NS, name: "a.txt" }, "zero");
    const usage = async () => (await h.db.namespace.findUniqueOrThrow({ where: { name: NS } })).usedBytes;
    const before = await usage();
    await h.db.$executeRawUnsafe('DROP TABLE "AuditEvent"');
    await expect(h.publish(h.alice, { namespace: NS, name: "a.txt" }, "one")).rejects.toThrow(/AuditEvent/);
    expect(await h.db.artifactVersion.count()).toBe(1);
    expect(await usage()).toBe(before);
    expect(await h.db.artifact.findFirstOrThrow({ where: { name: "a.txt" } })).toMatchObject({ latestVersion: 0, nextVersion: 1 });
  });
});

describe("what the services record", () => {
  it("shares, links, URLs and deletes, each with its actor and target", async () => {
    await h.publish(h.alice, { namespace: NS, name: "r.txt" }, "zero");
    const { artifact } = await h.publish(h.alice, { namespace: NS, name: "r.txt" }, "one");
    const id = artifact.id;
    const { share } = await shareArtifact(h.db, h.alice, id, { identity: "bob" });
    await shareArtifact(h.db, h.alice, id, { identity: "bob" }); // idempotent: no second event
    const link = await createShareLink(h.db, h.bob, id, { version: 0, expiresIn: 600, maxSeconds: 3600, baseUrl: "http://x" });
    await revokeShareLink(h.db, h.alice, link.id);
    await revokeShareLink(h.db, h.alice, link.id); // already revoked: no second event
    const url = await getDownloadUrl(h.db, h.bob, id, { version: 1, expiresIn: 120, maxSeconds: 600, baseUrl: "http://x" });
    await unshareArtifact(h.db, h.alice, id, share.id);
    await deleteVersion(h.db, h.alice, id, 0);
    await deleteArtifact(h.db, h.admin, id);

    const { events } = await list({ artifactId: id });
    const summary = events.map((e) => [e.action, e.actorName, e.version]).reverse();
    expect(summary).toEqual([
      // publishArtifact records its own uploads, whoever calls it.
      ["artifact.upload", "alice", 0],
      ["artifact.upload", "alice", 1],
      ["share.create", "alice", null],
      ["share_link.create", "bob", 0],
      ["share_link.revoke", "alice", 0],
      ["url.mint", "bob", 1],
      ["share.delete", "alice", null],
      ["version.delete", "alice", 0],
      ["artifact.delete", "root", null],
    ]);
    const by = (action: string) => events.find((e) => e.action === action)!;
    expect(by("share.create").details).toEqual({ shareId: share.id, identity: "bob" });
    expect(by("share.delete").details).toEqual({ shareId: share.id, identity: "bob" });
    expect(by("share_link.create").details).toEqual({ linkId: link.id, expiresAt: link.expiresAt });
    expect(by("share_link.revoke").details).toEqual({ linkId: link.id });
    expect(by("url.mint").details).toEqual({ via: "url", delivery: "stowage", expiresAt: url.expiresAt });
    expect(by("version.delete").details).toEqual({ name: "r.txt", sizeBytes: 4, sha256: sha256("zero") });
    expect(by("artifact.delete").details).toEqual({ name: "r.txt", versions: 1 });
    for (const e of events) expect(e.namespace).toBe(NS);
    // Neither the link's token nor the URL's signature is anywhere in the log.
    const everything = JSON.stringify(await h.db.auditEvent.findMany());
    expect(everything).not.toContain(link.url.split(".").pop()!);
    expect(everything).not.toContain(url.url.split(".").pop()!);
  });

  it("direct uploads: start, complete (with the upload itself) and abort", async () => {
    const content = Buffer.alloc(6 * MiB, 3);
    const start = () =>
      startDirectUpload(h.db, h.store, h.alice, 100 * 1024 * MiB, {
        fields: { namespace: NS, name: "big.bin" },
        size: content.length,
        partSize: 5 * MiB,
      });
    const upload = await start();
    const row = await h.db.directUpload.findUniqueOrThrow({ where: { id: upload.id } });
    for (const n of [1, 2]) {
      await h.store.multipart.putPart(
        row.storageKey,
        row.backendUploadId,
        n,
        Readable.from([content.subarray((n - 1) * 5 * MiB, n * 5 * MiB)]),
        expectedPartSize(row, n),
      );
    }
    const done = await completeDirectUpload(h.db, h.alice, upload.id);
    await completeDirectUpload(h.db, h.alice, upload.id); // replay: nothing new
    const dropped = await start();
    await abortDirectUpload(h.db, h.alice, dropped.id);
    await abortDirectUpload(h.db, h.alice, dropped.id); // again: nothing new

    const { events } = await list({ actor: "alice" });
    expect(events.map((e) => e.action).reverse()).toEqual([
      "upload.start",
      "artifact.upload",
      "upload.complete",
      "upload.start",
      "upload.abort",
    ]);
    const [abort, , complete, uploaded, started] = events;
    expect(started!.details).toMatchObject({
      uploadId: upload.id,
      name: "big.bin",
      sizeBytes: content.length,
      partCount: 2,
      backend: "fs",
    });
    expect(complete).toMatchObject({ artifactId: done.artifact.id, version: 0, details: { uploadId: upload.id } });
    expect(uploaded).toMatchObject({
      namespace: NS,
      artifactId: done.artifact.id,
      version: 0,
      details: { via: "direct-upload", sizeBytes: content.length, sha256: sha256(content), uploadId: upload.id },
    });
    expect(abort).toMatchObject({ namespace: NS, details: { uploadId: dropped.id } });
  });
});

describe("listAuditEvents", () => {
  async function seed() {
    const at = (iso: string) => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(Date.parse(iso));
    };
    at("2030-01-01T10:00:00Z");
    await recordAuditEvent(h.db, { actor: h.alice, action: "artifact.upload", namespace: NS, artifactId: "a1", version: 0 });
    at("2030-01-01T11:00:00Z");
    await recordAuditEvent(h.db, { actor: h.bob, action: "artifact.download", namespace: NS, artifactId: "a1", version: 0 });
    at("2030-01-02T09:30:00Z");
    await recordAuditEvent(h.db, {
      actor: null,
      actorName: "anonymous via share link l1",
      action: "artifact.download",
      namespace: NS,
      artifactId: "a1",
      version: 0,
    });
    at("2030-01-03T00:00:00Z");
    await recordAuditEvent(h.db, { actor: h.bob, action: "artifact.upload", namespace: "agent:bob", artifactId: "b1", version: 0 });
    at("2030-01-03T00:00:00.001Z");
    await recordAuditEvent(h.db, { actor: h.admin, action: "quota.change", namespace: "agent:bob" });
    vi.useRealTimers();
  }

  it("filters by action, actor, namespace, artifact and time, combined", async () => {
    await seed();
    expect(await actions()).toEqual(["quota.change", "artifact.upload", "artifact.download", "artifact.download", "artifact.upload"]);
    expect((await list({ action: "artifact.download" })).events.map((e) => e.actorName)).toEqual(["anonymous via share link l1", "bob"]);
    expect(await actions({ actor: "bob" })).toEqual(["artifact.upload", "artifact.download"]);
    expect((await list({ actor: "anonymous via share link l1" })).events).toHaveLength(1);
    expect(await actions({ actor: "carol" })).toEqual([]);
    expect(await actions({ namespace: "agent:bob" })).toEqual(["quota.change", "artifact.upload"]);
    expect(await actions({ artifactId: "a1", actor: "alice" })).toEqual(["artifact.upload"]);
    // from is inclusive, to exclusive; a date alone is midnight UTC.
    expect(await actions({ from: "2030-01-01T11:00:00Z", to: "2030-01-03" })).toEqual(["artifact.download", "artifact.download"]);
    expect(await actions({ from: "2030-01-03T00:00:00.001Z" })).toEqual(["quota.change"]);
    expect(await actions({ to: "2030-01-01T11:00:00+00:00" })).toEqual(["artifact.upload"]);
    expect(await actions({ from: "2030-01-01T12:30:00+02:00", to: "2030-01-01T13:30:00+02:00" })).toEqual(["artifact.download"]);
    expect(await actions({ from: "2030-01-02", action: "artifact.upload", namespace: "agent:bob" })).toEqual(["artifact.upload"]);
  });

  it("pages newest first with an opaque cursor", async () => {
    await seed();
    const all = (await list()).events.map((e) => e.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list({ limit: 2, cursor });
      expect(page.events.length).toBeLessThanOrEqual(2);
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
    // Cursors combine with filters.
    const first = await list({ limit: 1, action: "artifact.download" });
    const second = await list({ limit: 1, action: "artifact.download", cursor: first.nextCursor! });
    expect([first.events[0]!.actorName, second.events[0]!.actorName]).toEqual(["anonymous via share link l1", "bob"]);
    expect(second.nextCursor).toBeNull();
  });

  it("refuses bad filters with a 400 naming the field, and non-admins with 403", async () => {
    for (const [filter, field] of [
      [{ action: "artifact.steal" }, "action"],
      [{ from: "yesterday" }, "from"],
      [{ from: "2030-13-45" }, "from"],
      [{ from: "2030-02-30" }, "from"],
      [{ to: "2030-01-01T10:00:00" }, "to"],
      [{ to: "1714000000" }, "to"],
      [{ from: "2030-01-02", to: "2030-01-01" }, "to"],
      [{ from: "2030-01-01", to: "2030-01-01" }, "to"],
      [{ cursor: "!!" }, "cursor"],
      [{ cursor: Buffer.from(JSON.stringify({ k: 5 })).toString("base64url") }, "cursor"],
    ] as [Partial<TAuditFilter>, string][]) {
      const e = await stowageError(() => list(filter), "ARTIFACT_VALIDATION_FAILED", 400);
      expect(e.details.field, JSON.stringify(filter)).toBe(field);
    }
    await stowageError(() => listAuditEvents(h.db, h.alice, { limit: 10 }), "FORBIDDEN", 403);
    expect(AUDIT_ACTIONS).toContain("quota.change");
  });
});
