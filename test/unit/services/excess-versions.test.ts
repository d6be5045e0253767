import { describe, expect, it } from "vitest";
import { setAlias } from "@/lib/aliases/set-alias";
import { runGc } from "@/lib/gc/run-gc";
import { sweepExcessVersions } from "@/lib/gc/sweep-excess-versions";
import { withLease } from "@/lib/gc/with-lease";
import { updateNamespaceSettings } from "@/lib/quota/update-namespace-settings";
import { previewRetention } from "@/lib/retention/preview-retention";
import { useFreshHarness } from "../../support/service-harness";

const h = useFreshHarness();
const NS = "agent:alice";

async function versions(name: string, count: number) {
  let id = "";
  for (let i = 0; i < count; i++) id = (await h.publish(h.alice, { namespace: NS, name }, "z".repeat(i + 1))).artifact.id;
  return id;
}

const left = async (artifactId: string) =>
  (await h.db.artifactVersion.findMany({ where: { artifactId }, orderBy: { version: "asc" } })).map((v) => v.version);
const used = async () => (await h.db.namespace.findUniqueOrThrow({ where: { name: NS } })).usedBytes;

describe("the keep-last-N sweep", () => {
  it("works through batches smaller than the work, removing exactly what the preview listed", async () => {
    const ids = [await versions("a", 6), await versions("b", 6), await versions("c", 1)];
    await setAlias(h.db, h.alice, ids[1]!, "production", { version: 0, protected: true });
    await updateNamespaceSettings(h.db, h.admin, NS, { keepVersions: 2 });
    const preview = await previewRetention(h.db, h.alice, NS, { retentionDays: undefined });
    // a: 0–3 (1+2+3+4 bytes); b: 1–3 (its 0 is protected).
    expect(preview.versions.map((v) => `${v.name}@${v.version}`).sort()).toEqual(["a@0", "a@1", "a@2", "a@3", "b@1", "b@2", "b@3"]);
    expect(preview.totalBytes).toBe(10 + 9);
    const before = await used();

    const swept = await withLease(h.db, "gc", (lease) => sweepExcessVersions(h.db, lease, { batchSize: 3 }));
    expect(swept).toEqual({ versions: 7, bytes: 19n });
    expect(await left(ids[0]!)).toEqual([4, 5]);
    expect(await left(ids[1]!)).toEqual([0, 4, 5]);
    expect(await left(ids[2]!)).toEqual([0]);
    expect(await used()).toBe(before - 19n);
    expect(await h.db.pendingBlobDelete.count()).toBe(7);
    const audited = await h.db.auditEvent.findMany({ where: { action: "version.expire" } });
    expect(audited.map((e) => [e.actorId, e.actorName])).toEqual(Array(7).fill([null, "system"]));
  });

  it("in a gc pass: an expired artifact goes whole (not also version by version), and the bytes are deleted", async () => {
    const live = await versions("live", 4);
    const expired = await versions("old", 4);
    await h.db.artifact.update({ where: { id: expired }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await updateNamespaceSettings(h.db, h.admin, NS, { keepVersions: 1 });
    const preview = await previewRetention(h.db, h.alice, NS, { retentionDays: undefined });
    expect(preview.versions.map((v) => v.version)).toEqual([0, 1, 2]);
    expect(preview.artifacts).toEqual([{ artifactId: expired, name: "old", versions: 4, sizeBytes: 10, reason: "expiresAt" }]);
    expect(preview.totalBytes).toBe(6 + 10);

    const summary = await runGc(h.db);
    expect(summary).toMatchObject({ expiredArtifacts: 1, expiredVersions: 4, excessVersions: 3, releasedBytes: 16n, blobsDeleted: 7 });
    expect(await left(live)).toEqual([3]);
    expect(await used()).toBe(4n);
    // Nothing more to do.
    expect(await runGc(h.db)).toMatchObject({ expiredArtifacts: 0, excessVersions: 0 });
  });
});
