import { describe, expect, it } from "vitest";
import { createCustomNamespace, grantAccess } from "@/lib/admin/namespaces";
import { getArtifactView } from "@/lib/artifacts/get-artifact-view";
import { readVersionHead } from "@/lib/artifacts/read-version-head";
import { shareArtifact } from "@/lib/sharing/share-artifact";
import { useFreshHarness, stowageError } from "../../support/service-harness";

const h = useFreshHarness();

const NS = "agent:alice";

describe("readVersionHead", () => {
  it("reads a small version whole, and any version by number", async () => {
    const { artifact } = await h.publish(h.alice, { namespace: NS, name: "notes.txt" }, "version zero");
    await h.publish(h.alice, { namespace: NS, name: "notes.txt" }, "version one!");
    const latest = await readVersionHead(h.db, h.alice, artifact.id, undefined, 1024);
    expect(latest.bytes.toString()).toBe("version one!");
    expect(latest.truncated).toBe(false);
    expect(latest.version.version).toBe(1);
    const v0 = await readVersionHead(h.db, h.alice, artifact.id, 0, 1024);
    expect(v0.bytes.toString()).toBe("version zero");
    expect(v0.version).toMatchObject({ version: 0, sizeBytes: 12 });
  });

  it("reads only the first maxBytes of a large version and says it is truncated", async () => {
    const big = Buffer.alloc(300_000, "x");
    big.write("START", 0);
    const { artifact } = await h.publish(h.alice, { namespace: NS, name: "big.txt" }, big);
    const head = await readVersionHead(h.db, h.alice, artifact.id, undefined, 1000);
    expect(head.bytes.length).toBe(1000);
    expect(head.bytes.subarray(0, 5).toString()).toBe("START");
    expect(head.truncated).toBe(true);
    expect(head.version.sizeBytes).toBe(300_000);
  });

  it("reads an empty version as no bytes, not truncated", async () => {
    const { artifact } = await h.publish(h.alice, { namespace: NS, name: "empty.txt" }, "");
    const head = await readVersionHead(h.db, h.alice, artifact.id, undefined, 1000);
    expect(head.bytes.length).toBe(0);
    expect(head.truncated).toBe(false);
  });

  it("answers not-found to strangers and for unknown versions, and 503 when the bytes are gone", async () => {
    const { artifact, version } = await h.publish(h.alice, { namespace: NS, name: "secret.txt" }, "s3cret");
    await stowageError(() => readVersionHead(h.db, h.carol, artifact.id, undefined, 100), "ARTIFACT_NOT_FOUND");
    await stowageError(() => readVersionHead(h.db, h.alice, artifact.id, 7, 100), "ARTIFACT_NOT_FOUND");
    const row = await h.db.artifactVersion.findUniqueOrThrow({
      where: { artifactId_version: { artifactId: artifact.id, version: version.version } },
    });
    await h.store.delete(row.storageKey);
    await stowageError(() => readVersionHead(h.db, h.alice, artifact.id, undefined, 100), "ARTIFACT_STORAGE_UNAVAILABLE");
  });
});

describe("getArtifactView", () => {
  it("gives the selected version, a page of history newest first, and run and session keys", async () => {
    let id = "";
    for (let i = 0; i < 5; i++)
      id = (await h.publish(h.alice, { namespace: NS, name: "log.txt", sessionId: "s1", runId: `r${i}` }, `v${i}`)).artifact.id;
    const view = await getArtifactView(h.db, h.alice, id, { limit: 2 });
    expect(view.selected.version).toBe(4);
    expect(view.versions.map((v) => v.version)).toEqual([4, 3]);
    expect(view.versionCount).toBe(5);
    const run = await h.db.run.findFirstOrThrow({ where: { externalId: "r3" } });
    expect(view.versions[1]).toMatchObject({ runId: "r3", runKey: run.id });
    const session = await h.db.session.findFirstOrThrow({ where: { externalId: "s1" } });
    expect(view.artifact).toMatchObject({ sessionId: "s1", sessionKey: session.id, name: "log.txt" });
    const next = await getArtifactView(h.db, h.alice, id, { version: 1, limit: 2, cursor: view.nextCursor! });
    expect(next.selected.version).toBe(1);
    expect(next.versions.map((v) => v.version)).toEqual([2, 1]);
    const last = await getArtifactView(h.db, h.alice, id, { limit: 2, cursor: next.nextCursor! });
    expect(last.versions.map((v) => v.version)).toEqual([0]);
    expect(last.nextCursor).toBeNull();
    await stowageError(() => getArtifactView(h.db, h.alice, id, { version: 9, limit: 2 }), "ARTIFACT_NOT_FOUND");
  });

  it("owner and admin may do everything; a reader, a writer and a share recipient only what the API allows", async () => {
    await createCustomNamespace(h.db, h.admin, "team:ml");
    await grantAccess(h.db, h.admin, "team:ml", { identity: "bob", permission: "read" });
    await grantAccess(h.db, h.admin, "team:ml", { identity: "alice", permission: "write" });
    const alice = await h.reload(h.alice);
    const bob = await h.reload(h.bob);
    const { artifact } = await h.publish(alice, { namespace: "team:ml", name: "model.json" }, "{}");
    expect((await getArtifactView(h.db, alice, artifact.id, { limit: 1 })).permissions).toEqual({
      canWrite: true,
      canDelete: true,
      canManageLinks: true,
    });
    expect((await getArtifactView(h.db, h.admin, artifact.id, { limit: 1 })).permissions).toEqual({
      canWrite: true,
      canDelete: true,
      canManageLinks: true,
    });
    expect((await getArtifactView(h.db, bob, artifact.id, { limit: 1 })).permissions).toEqual({
      canWrite: false,
      canDelete: false,
      canManageLinks: false,
    });
    await stowageError(() => getArtifactView(h.db, h.carol, artifact.id, { limit: 1 }), "ARTIFACT_NOT_FOUND");

    // A writer who did not create it may change it but not delete it.
    const dave = await h.addIdentity("dave");
    await grantAccess(h.db, h.admin, "team:ml", { identity: "dave", permission: "write" });
    expect((await getArtifactView(h.db, await h.reload(dave), artifact.id, { limit: 1 })).permissions).toEqual({
      canWrite: true,
      canDelete: false,
      canManageLinks: true,
    });

    // Shared with carol: she may read it, nothing else.
    await shareArtifact(h.db, alice, artifact.id, { identity: "carol" });
    expect((await getArtifactView(h.db, h.carol, artifact.id, { limit: 1 })).permissions).toEqual({
      canWrite: false,
      canDelete: false,
      canManageLinks: false,
    });
  });
});
