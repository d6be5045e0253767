import { describe, expect, it } from "vitest";
import { createCustomNamespace, grantAccess } from "@/lib/admin/namespaces";
import { deleteArtifact, deleteVersion } from "@/lib/artifacts/delete-artifact";
import { getArtifact } from "@/lib/artifacts/get-artifact";
import { getNamespaceUsage } from "@/lib/artifacts/namespace-usage";
import { useFreshHarness, stowageError } from "../../support/service-harness";

const h = useFreshHarness();

const NS = "agent:alice";
const QUOTA = 500 * 1024 * 1024;

const keysOf = async (artifactId: string) =>
  (await h.db.artifactVersion.findMany({ where: { artifactId }, orderBy: { version: "asc" } })).map((v) => v.storageKey);

/** A team namespace where bob and dave may write and carol may only read. */
async function team() {
  await createCustomNamespace(h.db, h.admin, "team:ml");
  const dave = await h.addIdentity("dave");
  await grantAccess(h.db, h.admin, "team:ml", { identity: "bob", permission: "write" });
  await grantAccess(h.db, h.admin, "team:ml", { identity: "dave", permission: "write" });
  await grantAccess(h.db, h.admin, "team:ml", { identity: "carol", permission: "read" });
  return { dave };
}

describe("deleteArtifact", () => {
  it("removes every version's row and blob", async () => {
    const r = await h.publish(h.alice, { namespace: NS, name: "gone.txt", tags: ["x"], metadata: { k: "v" } }, "a");
    await h.publish(h.alice, { namespace: NS, name: "gone.txt" }, "b");
    const keep = await h.publish(h.alice, { namespace: NS, name: "keep.txt" }, "c");
    const keys = await keysOf(r.artifact.id);
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(await h.store.exists(key)).toBe(true);

    await deleteArtifact(h.db, h.alice, r.artifact.id);

    for (const key of keys) expect(await h.store.exists(key)).toBe(false);
    expect(await h.db.artifact.count({ where: { id: r.artifact.id } })).toBe(0);
    expect(await h.db.artifactVersion.count({ where: { artifactId: r.artifact.id } })).toBe(0);
    expect(await h.db.artifactTag.count({ where: { artifactId: r.artifact.id } })).toBe(0);
    expect(await h.db.artifactMetadataEntry.count({ where: { artifactId: r.artifact.id } })).toBe(0);
    await stowageError(() => getArtifact(h.db, h.alice, r.artifact.id), "ARTIFACT_NOT_FOUND", 404);
    // Nothing else was touched.
    const [keepKey] = await keysOf(keep.artifact.id);
    expect(await h.store.exists(keepKey!)).toBe(true);
    expect((await h.blobFiles()).filter((f) => !f.startsWith(".tmp/"))).toEqual([keepKey]);
    // Deleting again is 404.
    await stowageError(() => deleteArtifact(h.db, h.alice, r.artifact.id), "ARTIFACT_NOT_FOUND", 404);
  });

  it("is for the artifact's creator or an admin: other writers get 403, readers 403, strangers 404", async () => {
    const { dave } = await team();
    const byBob = await h.publish(h.bob, { namespace: "team:ml", name: "model.bin" }, "weights");
    const keys = await keysOf(byBob.artifact.id);

    const denied = await stowageError(() => deleteArtifact(h.db, dave, byBob.artifact.id), "ARTIFACT_NAMESPACE_DENIED", 403);
    expect(denied.details).toEqual({ namespace: "team:ml" });
    await stowageError(() => deleteVersion(h.db, dave, byBob.artifact.id, 0), "ARTIFACT_NAMESPACE_DENIED", 403);
    await stowageError(() => deleteArtifact(h.db, h.carol, byBob.artifact.id), "ARTIFACT_NAMESPACE_DENIED", 403);
    await stowageError(() => deleteArtifact(h.db, h.alice, byBob.artifact.id), "ARTIFACT_NOT_FOUND", 404);
    // Dave publishing a new version does not make him the owner.
    await h.publish(dave, { namespace: "team:ml", name: "model.bin" }, "weights v2");
    await stowageError(() => deleteArtifact(h.db, dave, byBob.artifact.id), "ARTIFACT_NAMESPACE_DENIED", 403);
    expect((await getArtifact(h.db, h.bob, byBob.artifact.id)).latestVersion).toBe(1);
    expect(await h.store.exists(keys[0]!)).toBe(true);

    await deleteArtifact(h.db, h.bob, byBob.artifact.id);
    await stowageError(() => getArtifact(h.db, h.admin, byBob.artifact.id), "ARTIFACT_NOT_FOUND", 404);

    const byDave = await h.publish(dave, { namespace: "team:ml", name: "other.bin" });
    await deleteArtifact(h.db, h.admin, byDave.artifact.id);
    expect(await h.db.artifact.count({ where: { id: byDave.artifact.id } })).toBe(0);
  });

  it("the owner of a personal namespace may delete what others put in it", async () => {
    const byAdmin = await h.publish(h.admin, { namespace: NS, name: "dropped-off.txt" });
    await deleteArtifact(h.db, h.alice, byAdmin.artifact.id);
    expect(await h.db.artifact.count()).toBe(0);
  });
});

describe("deleteVersion", () => {
  it("removes one version's row and blob and leaves the others", async () => {
    const r = await h.publish(h.alice, { namespace: NS, name: "v.txt" }, "0");
    await h.publish(h.alice, { namespace: NS, name: "v.txt" }, "1");
    await h.publish(h.alice, { namespace: NS, name: "v.txt" }, "2");
    const [k0, k1, k2] = (await keysOf(r.artifact.id)) as [string, string, string];

    await deleteVersion(h.db, h.alice, r.artifact.id, 1);
    expect(await h.store.exists(k1)).toBe(false);
    expect(await h.store.exists(k0)).toBe(true);
    expect(await h.store.exists(k2)).toBe(true);
    expect((await getArtifact(h.db, h.alice, r.artifact.id)).latestVersion).toBe(2);
    await stowageError(() => deleteVersion(h.db, h.alice, r.artifact.id, 1), "ARTIFACT_NOT_FOUND", 404);
    await stowageError(() => deleteVersion(h.db, h.alice, r.artifact.id, 99), "ARTIFACT_NOT_FOUND", 404);
  });

  it("deleting the last version removes the artifact and its blobs", async () => {
    const r = await h.publish(h.alice, { namespace: NS, name: "v.txt", tags: ["t"] }, "0");
    await h.publish(h.alice, { namespace: NS, name: "v.txt" }, "1");
    await deleteVersion(h.db, h.alice, r.artifact.id, 0);
    expect(await h.db.artifact.count()).toBe(1);
    await deleteVersion(h.db, h.alice, r.artifact.id, 1);
    expect(await h.db.artifact.count()).toBe(0);
    expect(await h.db.artifactTag.count()).toBe(0);
    expect((await h.blobFiles()).filter((f) => !f.startsWith(".tmp/"))).toEqual([]);
    await stowageError(() => getArtifact(h.db, h.alice, r.artifact.id), "ARTIFACT_NOT_FOUND", 404);
    // The name is free again: a new artifact starts over.
    const again = await h.publish(h.alice, { namespace: NS, name: "v.txt" }, "new");
    expect(again.artifact.id).not.toBe(r.artifact.id);
    expect(again.version.version).toBe(0);
    expect(again.artifact.tags).toEqual([]);
  });
});

describe("getNamespaceUsage", () => {
  it("sums bytes and counts artifacts and versions of one namespace", async () => {
    const empty = await getNamespaceUsage(h.db, h.alice, NS);
    const none = {
      namespace: NS,
      usedBytes: 0,
      reservedBytes: 0,
      quotaBytes: QUOTA,
      quotaOverride: false,
      retentionDays: null,
      keepVersions: null,
      artifactCount: 0,
      versionCount: 0,
    };
    expect(empty).toEqual(none);

    const a = await h.publish(h.alice, { namespace: NS, name: "a" }, "x".repeat(100));
    await h.publish(h.alice, { namespace: NS, name: "a" }, "x".repeat(250));
    await h.publish(h.alice, { namespace: NS, name: "b", sessionId: "s" }, "x".repeat(1000));
    await h.publish(h.bob, { namespace: "agent:bob", name: "elsewhere" }, "x".repeat(7777));

    expect(await getNamespaceUsage(h.db, h.alice, NS)).toEqual({ ...none, usedBytes: 1350, artifactCount: 2, versionCount: 3 });
    expect(await getNamespaceUsage(h.db, h.bob, "agent:bob")).toMatchObject({ usedBytes: 7777, artifactCount: 1, versionCount: 1 });

    await deleteVersion(h.db, h.alice, a.artifact.id, 1);
    expect(await getNamespaceUsage(h.db, h.alice, NS)).toMatchObject({ usedBytes: 1100, artifactCount: 2, versionCount: 2 });
    await deleteArtifact(h.db, h.alice, a.artifact.id);
    expect(await getNamespaceUsage(h.db, h.alice, NS)).toMatchObject({ usedBytes: 1000, artifactCount: 1, versionCount: 1 });
  });

  it("needs read access", async () => {
    await stowageError(() => getNamespaceUsage(h.db, h.carol, NS), "ARTIFACT_NAMESPACE_DENIED", 403);
    expect((await getNamespaceUsage(h.db, h.admin, NS)).usedBytes).toBe(0);
  });
});
