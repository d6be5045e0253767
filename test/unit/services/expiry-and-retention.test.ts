import { afterEach, describe, expect, it } from "vitest";
import { createCustomNamespace } from "@/lib/admin/namespaces";
import { getArtifact, getVersion } from "@/lib/artifacts/get-artifact";
import { listArtifacts } from "@/lib/artifacts/list-artifacts";
import { listVersions } from "@/lib/artifacts/list-versions";
import { getNamespaceUsage } from "@/lib/artifacts/namespace-usage";
import { getRunArtifacts, getSessionArtifacts } from "@/lib/artifacts/run-and-session-views";
import { updateArtifact } from "@/lib/artifacts/update-artifact";
import { deleteArtifact, deleteVersion } from "@/lib/artifacts/delete-artifact";
import { getConfig, resetConfigForTests } from "@/lib/config";
import { getDownloadUrl } from "@/lib/delivery/get-download-url";
import { runGc } from "@/lib/gc/run-gc";
import { applyNamespaceRetention } from "@/lib/retention/apply-retention";
import { createShareLink, resolveShareToken } from "@/lib/sharing/share-links";
import { stowageError, useFreshHarness } from "../../support/service-harness";

const h = useFreshHarness();

const NS = "agent:alice";
const DAY = 86_400_000;

const names = async (namespace = NS) => (await listArtifacts(h.db, h.alice, { namespace, limit: 100 })).artifacts.map((a) => a.name).sort();
const row = (id: string) => h.db.artifact.findUniqueOrThrow({ where: { id } });
const nsRow = (name = NS) => h.db.namespace.findUniqueOrThrow({ where: { name } });
const keysOf = async (artifactId: string) => (await h.db.artifactVersion.findMany({ where: { artifactId } })).map((v) => v.storageKey);

/** Runs `fn` with ARTIFACT_RETENTION_DAYS set (or unset), as a restarted server would read it. */
function setRetentionDays(days: number | undefined) {
  if (days === undefined) delete process.env.ARTIFACT_RETENTION_DAYS;
  else process.env.ARTIFACT_RETENTION_DAYS = String(days);
  resetConfigForTests();
}
afterEach(() => setRetentionDays(undefined));

/** Makes an artifact look last updated `days` ago, with the retention that applied then. */
async function age(id: string, days: number) {
  const updatedAt = new Date(Date.now() - days * DAY);
  await h.db.artifact.update({ where: { id }, data: { updatedAt } });
}

describe("expiry before any sweep", () => {
  it("an artifact past its retention is gone from every read at once, and usage counts agree", async () => {
    const live = await h.publish(h.alice, { namespace: NS, name: "live.txt", sessionId: "s", runId: "r" }, "live");
    const doomed = await h.publish(
      h.alice,
      { namespace: NS, name: "doomed.txt", sessionId: "s", runId: "r", tags: ["t"], metadata: { k: "v" } },
      "doomed 0",
    );
    await h.publish(h.alice, { namespace: NS, name: "doomed.txt", sessionId: "s" }, "doomed 1");
    const id = doomed.artifact.id;
    const link = await createShareLink(h.db, h.alice, id, { maxSeconds: 3600, baseUrl: "http://x" });
    const before = await getNamespaceUsage(h.db, h.alice, NS);
    expect(before).toMatchObject({ artifactCount: 2, versionCount: 3, usedBytes: 4 + 8 + 8 });

    // Retention ran out (as time passing would do it); nothing has swept.
    await h.db.artifact.update({ where: { id }, data: { retainUntil: new Date(Date.now() - 1000) } });

    expect(await names()).toEqual(["live.txt"]);
    expect((await listArtifacts(h.db, h.alice, { namespace: NS, tag: "t", limit: 10 })).artifacts).toEqual([]);
    expect((await listArtifacts(h.db, h.alice, { namespace: NS, metadata: { k: "v" }, limit: 10 })).artifacts).toEqual([]);
    expect((await listArtifacts(h.db, h.admin, { limit: 10 })).artifacts.map((a) => a.name)).toEqual(["live.txt"]);
    await stowageError(() => getArtifact(h.db, h.alice, id), "ARTIFACT_NOT_FOUND", 404);
    await stowageError(() => getVersion(h.db, h.admin, id, 1), "ARTIFACT_NOT_FOUND", 404);
    await stowageError(() => listVersions(h.db, h.alice, id, { limit: 10 }), "ARTIFACT_NOT_FOUND", 404);
    await stowageError(
      () => getDownloadUrl(h.db, h.alice, id, { expiresIn: 120, maxSeconds: 600, baseUrl: "http://x" }),
      "ARTIFACT_NOT_FOUND",
      404,
    );
    await stowageError(() => resolveShareToken(h.db, link.url.split("/").pop()!), "ARTIFACT_NOT_FOUND", 404);
    await stowageError(() => updateArtifact(h.db, h.alice, id, { tags: ["revive"] }), "ARTIFACT_NOT_FOUND", 404);
    await stowageError(() => deleteVersion(h.db, h.alice, id, 0), "ARTIFACT_NOT_FOUND", 404);
    await stowageError(() => deleteArtifact(h.db, h.alice, id), "ARTIFACT_NOT_FOUND", 404);
    expect((await getRunArtifacts(h.db, h.alice, NS, "r", { limit: 10 })).artifacts.map((a) => a.id)).toEqual([live.artifact.id]);
    expect((await getSessionArtifacts(h.db, h.alice, NS, "s", { limit: 10 })).artifacts.map((a) => a.id)).toEqual([live.artifact.id]);
    // Counted like the listings count; its bytes stay charged until the sweep deletes them.
    expect(await getNamespaceUsage(h.db, h.alice, NS)).toMatchObject({ artifactCount: 1, versionCount: 1, usedBytes: before.usedBytes });
  });

  it("the earlier of expiresAt and retainUntil wins", async () => {
    setRetentionDays(30);
    const r = await h.publish(h.alice, { namespace: NS, name: "a.txt", expiresAt: new Date(Date.now() + 3 * DAY).toISOString() });
    expect(r.artifact.retainUntil).not.toBeNull();
    await h.db.artifact.update({ where: { id: r.artifact.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    await stowageError(() => getArtifact(h.db, h.alice, r.artifact.id), "ARTIFACT_NOT_FOUND", 404);
    await h.db.artifact.update({
      where: { id: r.artifact.id },
      data: { expiresAt: new Date(Date.now() + DAY), retainUntil: new Date(Date.now() - 1) },
    });
    await stowageError(() => getArtifact(h.db, h.alice, r.artifact.id), "ARTIFACT_NOT_FOUND", 404);
    await h.db.artifact.update({ where: { id: r.artifact.id }, data: { retainUntil: new Date(Date.now() + DAY) } });
    expect((await getArtifact(h.db, h.alice, r.artifact.id)).id).toBe(r.artifact.id);
  });
});

describe("the sweep after expiry", () => {
  it("deletes the rows and the bytes and gives back exactly the artifact's bytes", async () => {
    const keep = await h.publish(h.alice, { namespace: NS, name: "keep.txt" }, "kept bytes");
    const gone = await h.publish(h.alice, { namespace: NS, name: "gone.txt", tags: ["x"], metadata: { a: 1 } }, "x".repeat(300));
    await h.publish(h.alice, { namespace: NS, name: "gone.txt" }, "y".repeat(700));
    await createShareLink(h.db, h.alice, gone.artifact.id, { maxSeconds: 3600, baseUrl: "http://x" });
    const goneKeys = await keysOf(gone.artifact.id);
    const usedBefore = (await nsRow()).usedBytes;
    await h.db.artifact.update({ where: { id: gone.artifact.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const summary = await runGc(h.db);
    expect(summary).toMatchObject({ expiredArtifacts: 1, expiredVersions: 2, releasedBytes: 1000n, blobsDeleted: 2, blobDeletesFailed: 0 });
    expect((await nsRow()).usedBytes).toBe(usedBefore - 1000n);
    expect(await h.db.artifact.count({ where: { id: gone.artifact.id } })).toBe(0);
    expect(await h.db.artifactVersion.count({ where: { artifactId: gone.artifact.id } })).toBe(0);
    for (const table of ["artifactTag", "artifactMetadataEntry", "shareLink"] as const) {
      expect(await (h.db[table] as { count: (a: object) => Promise<number> }).count({ where: { artifactId: gone.artifact.id } })).toBe(0);
    }
    for (const key of goneKeys) expect(await h.store.exists(key)).toBe(false);
    expect(await h.db.pendingBlobDelete.count()).toBe(0);
    // The rest is untouched, and usage is the sum of what is left.
    expect((await getArtifact(h.db, h.alice, keep.artifact.id)).latest?.sizeBytes).toBe(10);
    expect((await nsRow()).usedBytes).toBe(10n);
    // A second sweep has nothing to do.
    expect(await runGc(h.db)).toMatchObject({ expiredArtifacts: 0, blobsDeleted: 0 });
  });

  it("sweeps in batches across namespaces, each namespace getting back its own bytes", async () => {
    await createCustomNamespace(h.db, h.admin, "team:ml");
    for (let i = 0; i < 130; i++) await h.publish(h.admin, { namespace: i % 2 ? NS : "team:ml", name: `n${i}` }, "z".repeat(i + 1));
    await h.db.artifact.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const summary = await runGc(h.db);
    expect(summary).toMatchObject({ expiredArtifacts: 130, expiredVersions: 130, blobsDeleted: 130 });
    expect(summary!.releasedBytes).toBe(BigInt((130 * 131) / 2));
    expect((await nsRow()).usedBytes).toBe(0n);
    expect((await nsRow("team:ml")).usedBytes).toBe(0n);
    expect((await h.blobFiles()).filter((f) => f.startsWith("v1/"))).toEqual([]);
  });

  it("a publish over an expired artifact gives its space back and deletes its bytes, leaving the sweep nothing", async () => {
    const old = await h.publish(h.alice, { namespace: NS, name: "e.txt" }, "old bytes!");
    const oldKeys = await keysOf(old.artifact.id);
    await h.db.artifact.update({ where: { id: old.artifact.id }, data: { retainUntil: new Date(Date.now() - 1000) } });
    await h.publish(h.alice, { namespace: NS, name: "e.txt" }, "new");
    expect((await nsRow()).usedBytes).toBe(3n);
    for (const key of oldKeys) expect(await h.store.exists(key)).toBe(false);
    expect(await h.db.pendingBlobDelete.count()).toBe(0);
    expect(await runGc(h.db)).toMatchObject({ expiredArtifacts: 0, blobsDeleted: 0 });
  });
});

describe("retention", () => {
  it("ARTIFACT_RETENTION_DAYS sets retainUntil to the last update plus the days; unset keeps artifacts", async () => {
    const kept = await h.publish(h.alice, { namespace: NS, name: "kept.txt" });
    expect(kept.artifact.retainUntil).toBeNull();
    setRetentionDays(7);
    const r = await h.publish(h.alice, { namespace: NS, name: "r.txt" });
    const stored = await row(r.artifact.id);
    expect(stored.retainUntil!.getTime()).toBe(stored.updatedAt.getTime() + 7 * DAY);
    expect(r.artifact.retainUntil).toBe(stored.retainUntil!.toISOString());
    // A new version and a PATCH are updates: the retention starts again from them.
    await age(r.artifact.id, 3);
    await h.db.artifact.update({ where: { id: r.artifact.id }, data: { retainUntil: new Date(Date.now() + 4 * DAY) } });
    const patched = await updateArtifact(h.db, h.alice, r.artifact.id, { tags: ["t"] });
    expect(Date.parse(patched.retainUntil!)).toBe(Date.parse(patched.updatedAt) + 7 * DAY);
    const next = await h.publish(h.alice, { namespace: NS, name: "r.txt" }, "v1");
    expect(Date.parse(next.artifact.retainUntil!)).toBe(Date.parse(next.artifact.updatedAt) + 7 * DAY);
  });

  it("a change of ARTIFACT_RETENTION_DAYS reaches artifacts stored before it, except in namespaces with an override", async () => {
    await createCustomNamespace(h.db, h.admin, "team:ml");
    const plain = await h.publish(h.alice, { namespace: NS, name: "old.txt" });
    const overridden = await h.publish(h.admin, { namespace: "team:ml", name: "old.txt" });
    await applyNamespaceRetention(h.db, (await nsRow("team:ml")).id, 365);
    await age(plain.artifact.id, 40);
    expect(await runGc(h.db)).toMatchObject({ retentionUpdated: 0, expiredArtifacts: 0 });

    setRetentionDays(30);
    // 40 days old with 30 days of retention: expired by the pass that applies the new default.
    expect(await runGc(h.db)).toMatchObject({ retentionUpdated: 1, expiredArtifacts: 1 });
    expect(await h.db.artifact.count({ where: { id: plain.artifact.id } })).toBe(0);
    const team = await row(overridden.artifact.id);
    expect(team.retainUntil!.getTime()).toBe(team.updatedAt.getTime() + 365 * DAY);
    // Applied once: the next pass finds nothing changed.
    expect(await runGc(h.db)).toMatchObject({ retentionUpdated: 0 });

    setRetentionDays(undefined);
    const fresh = await h.publish(h.alice, { namespace: NS, name: "fresh.txt" });
    await h.db.artifact.update({ where: { id: fresh.artifact.id }, data: { retainUntil: new Date(Date.now() + DAY) } });
    expect(await runGc(h.db)).toMatchObject({ retentionUpdated: 1 });
    expect((await row(fresh.artifact.id)).retainUntil).toBeNull();
  });

  it("a namespace override applies at once: shortening it expires what is too old, lengthening it brings unswept artifacts back", async () => {
    const ns = await nsRow();
    const old = await h.publish(h.alice, { namespace: NS, name: "old.txt" }, "0123456789");
    const recent = await h.publish(h.alice, { namespace: NS, name: "recent.txt" }, "abc");
    await age(old.artifact.id, 10);
    await age(recent.artifact.id, 2);
    expect(await names()).toEqual(["old.txt", "recent.txt"]);

    expect(await applyNamespaceRetention(h.db, ns.id, 5)).toEqual({ updated: 2, expired: 1 });
    expect((await nsRow()).retentionDays).toBe(5);
    expect(await names()).toEqual(["recent.txt"]);
    await stowageError(() => getArtifact(h.db, h.alice, old.artifact.id), "ARTIFACT_NOT_FOUND", 404);
    expect((await getNamespaceUsage(h.db, h.alice, NS)).artifactCount).toBe(1);

    // Not swept yet: a longer retention brings it back.
    expect(await applyNamespaceRetention(h.db, ns.id, 20)).toEqual({ updated: 2, expired: 0 });
    expect(await names()).toEqual(["old.txt", "recent.txt"]);
    // Back to the default (none): kept until deleted.
    expect(await applyNamespaceRetention(h.db, ns.id, null)).toEqual({ updated: 2, expired: 0 });
    expect((await row(old.artifact.id)).retainUntil).toBeNull();

    await applyNamespaceRetention(h.db, ns.id, 1);
    expect(await names()).toEqual([]);
    expect(await runGc(h.db)).toMatchObject({ expiredArtifacts: 2, releasedBytes: 13n });
    expect((await nsRow()).usedBytes).toBe(0n);
    // Other namespaces are not touched.
    expect((await nsRow("agent:bob")).retentionDays).toBeNull();
  });

  it("refuses a retention out of range with a 400 and changes nothing", async () => {
    const ns = await nsRow();
    const r = await h.publish(h.alice, { namespace: NS, name: "a.txt" });
    for (const bad of [0, -1, 36_501, 1.5, Number.NaN]) {
      const e = await stowageError(() => applyNamespaceRetention(h.db, ns.id, bad), "ARTIFACT_VALIDATION_FAILED", 400);
      expect(e.details).toEqual({ field: "retentionDays" });
    }
    expect((await nsRow()).retentionDays).toBeNull();
    expect((await row(r.artifact.id)).retainUntil).toBeNull();
    expect(getConfig().retentionDays).toBeUndefined();
  });

  it("recomputes a namespace of many artifacts in batches", async () => {
    const ns = await nsRow();
    for (let i = 0; i < 1100; i++) {
      await h.db.artifact.create({
        data: {
          id: `a${String(i).padStart(25, "0")}`,
          namespaceId: ns.id,
          name: `n${i}`,
          createdById: h.alice.identityId,
          latestVersion: 0,
        },
      });
    }
    expect(await applyNamespaceRetention(h.db, ns.id, 3)).toEqual({ updated: 1100, expired: 0 });
    expect(await h.db.artifact.count({ where: { namespaceId: ns.id, retainUntil: null } })).toBe(0);
  });
});
