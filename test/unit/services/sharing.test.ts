import { describe, expect, it } from "vitest";
import type { TPrincipal } from "@/lib/access/principal";
import { addGroupMember, createGroup, removeGroupMember } from "@/lib/admin/groups";
import { createCustomNamespace, grantAccess, revokeGrant, listGrants } from "@/lib/admin/namespaces";
import { deleteArtifact, deleteVersion } from "@/lib/artifacts/delete-artifact";
import { getArtifact, getVersion } from "@/lib/artifacts/get-artifact";
import { listArtifacts } from "@/lib/artifacts/list-artifacts";
import { listVersions } from "@/lib/artifacts/list-versions";
import { updateArtifact } from "@/lib/artifacts/update-artifact";
import { getDownloadUrl } from "@/lib/delivery/get-download-url";
import { listArtifactShares } from "@/lib/sharing/list-artifact-shares";
import { listSharedWithMe } from "@/lib/sharing/list-shared-with-me";
import { shareArtifact } from "@/lib/sharing/share-artifact";
import { createShareLink, resolveShareToken } from "@/lib/sharing/share-links";
import { unshareArtifact } from "@/lib/sharing/unshare-artifact";
import { sha256, stowageError, useFreshHarness } from "../../support/service-harness";

const h = useFreshHarness();
const NS = "agent:alice";
const LINK = { maxSeconds: 3600, baseUrl: "https://stowage.example" };

async function twoVersions(name = "report.csv") {
  await h.publish(h.alice, { namespace: NS, name }, "first");
  return h.publish(h.alice, { namespace: NS, name }, "second");
}

/** Everything a reader can do with an artifact, each answering or throwing. */
async function expectCanRead(p: TPrincipal, id: string) {
  expect((await getArtifact(h.db, p, id)).latest?.sha256).toBe(sha256("second"));
  expect((await getVersion(h.db, p, id, 0)).row.sha256).toBe(sha256("first"));
  expect((await listVersions(h.db, p, id, { limit: 10 })).versions.map((v) => v.version)).toEqual([1, 0]);
  const url = await getDownloadUrl(h.db, p, id, { version: 0, maxSeconds: 600, baseUrl: LINK.baseUrl });
  expect(url.delivery).toBe("stowage");
  const link = await createShareLink(h.db, p, id, { ...LINK, version: 0 });
  expect((await resolveShareToken(h.db, link.url.split("/").pop()!)).sha256).toBe(sha256("first"));
}

async function expectCannotRead(p: TPrincipal, id: string) {
  await stowageError(() => getArtifact(h.db, p, id), "ARTIFACT_NOT_FOUND", 404);
  await stowageError(() => getVersion(h.db, p, id, 0), "ARTIFACT_NOT_FOUND", 404);
  await stowageError(() => listVersions(h.db, p, id, { limit: 10 }), "ARTIFACT_NOT_FOUND", 404);
  await stowageError(() => getDownloadUrl(h.db, p, id, { maxSeconds: 600, baseUrl: LINK.baseUrl }), "ARTIFACT_NOT_FOUND", 404);
  await stowageError(() => createShareLink(h.db, p, id, LINK), "ARTIFACT_NOT_FOUND", 404);
}

/** A share grants reading, never changing: each of these is 403 for a share-only reader. */
async function expectCannotChange(p: TPrincipal, id: string) {
  for (const change of [
    () => updateArtifact(h.db, p, id, { tags: ["mine"] }),
    () => deleteArtifact(h.db, p, id),
    () => deleteVersion(h.db, p, id, 0),
    () => shareArtifact(h.db, p, id, { identity: "carol" }),
    () => listArtifactShares(h.db, p, id),
    () => h.publish(p, { namespace: NS, name: "report.csv" }, "overwritten"),
  ]) {
    const e = await stowageError(change, "ARTIFACT_NAMESPACE_DENIED", 403);
    expect(e.details.namespace).toBe(NS);
  }
  expect(await h.db.artifactVersion.count({ where: { artifactId: id } })).toBe(2);
}

describe("sharing an artifact", () => {
  it("with an identity: it reads every version, changes nothing; unsharing takes it back at once", async () => {
    const { artifact } = await twoVersions();
    await expectCannotRead(h.bob, artifact.id);
    const { share, created } = await shareArtifact(h.db, h.alice, artifact.id, { identity: "bob" });
    expect(created).toBe(true);
    expect(share).toMatchObject({ artifactId: artifact.id, identity: "bob", group: null, createdBy: "alice" });

    await expectCanRead(h.bob, artifact.id);
    await expectCannotChange(h.bob, artifact.id);
    // Only that artifact: the namespace stays closed.
    const other = await h.publish(h.alice, { namespace: NS, name: "private.txt" });
    await expectCannotRead(h.bob, other.artifact.id);
    await stowageError(() => listArtifacts(h.db, h.bob, { namespace: NS, limit: 10 }), "ARTIFACT_NAMESPACE_DENIED", 403);
    await expectCannotRead(h.carol, artifact.id);

    await unshareArtifact(h.db, h.alice, artifact.id, share.id);
    await expectCannotRead(h.bob, artifact.id);
    await stowageError(() => unshareArtifact(h.db, h.alice, artifact.id, share.id), "ARTIFACT_NOT_FOUND", 404);
  });

  it("with a group: its members read it, and stop when they leave the group", async () => {
    const { artifact } = await twoVersions();
    await createGroup(h.db, h.admin, "reviewers");
    await addGroupMember(h.db, h.admin, "reviewers", "bob");
    const { share } = await shareArtifact(h.db, h.alice, artifact.id, { group: "reviewers" });
    expect(share).toMatchObject({ identity: null, group: "reviewers" });

    const bob = await h.reload(h.bob);
    await expectCanRead(bob, artifact.id);
    await expectCannotChange(bob, artifact.id);
    await expectCannotRead(h.carol, artifact.id);

    await removeGroupMember(h.db, h.admin, "reviewers", "bob");
    await expectCannotRead(await h.reload(h.bob), artifact.id);
  });

  it("is for writers of the namespace and admins; readers may not re-share, strangers learn nothing", async () => {
    await createCustomNamespace(h.db, h.admin, "team:ml");
    await grantAccess(h.db, h.admin, "team:ml", { identity: "alice", permission: "write" });
    await grantAccess(h.db, h.admin, "team:ml", { identity: "bob", permission: "read" });
    const { artifact } = await h.publish(h.alice, { namespace: "team:ml", name: "model.bin" }, "weights");
    const dave = await h.addIdentity("dave");

    await stowageError(() => shareArtifact(h.db, h.bob, artifact.id, { identity: "dave" }), "ARTIFACT_NAMESPACE_DENIED", 403);
    await stowageError(() => shareArtifact(h.db, h.carol, artifact.id, { identity: "dave" }), "ARTIFACT_NOT_FOUND", 404);
    // Even about identities: a stranger naming an unknown one still gets the 404.
    await stowageError(() => shareArtifact(h.db, h.carol, artifact.id, { identity: "nobody" }), "ARTIFACT_NOT_FOUND", 404);
    expect((await shareArtifact(h.db, h.alice, artifact.id, { identity: "dave" })).created).toBe(true);
    expect((await shareArtifact(h.db, h.admin, artifact.id, { identity: "carol" })).created).toBe(true);
    expect((await listArtifactShares(h.db, h.alice, artifact.id)).map((s) => [s.identity, s.createdBy])).toEqual([
      ["dave", "alice"],
      ["carol", "root"],
    ]);
    await expectCanReadSimple(dave, artifact.id);
    await stowageError(() => listArtifactShares(h.db, h.bob, artifact.id), "ARTIFACT_NAMESPACE_DENIED", 403);
    await stowageError(() => unshareArtifact(h.db, h.bob, artifact.id, "x"), "ARTIFACT_NAMESPACE_DENIED", 403);
  });

  it("never lets a share-only reader delete, even the artifact's creator", async () => {
    await createCustomNamespace(h.db, h.admin, "team:ml");
    const grant = await grantAccess(h.db, h.admin, "team:ml", { identity: "alice", permission: "write" });
    const { artifact } = await h.publish(h.alice, { namespace: "team:ml", name: "mine.txt" });
    await revokeGrant(h.db, h.admin, "team:ml", grant.id);
    expect(await listGrants(h.db, h.admin, "team:ml")).toEqual([]);
    await shareArtifact(h.db, h.admin, artifact.id, { identity: "alice" });
    await expectCanReadSimple(h.alice, artifact.id);
    await stowageError(() => deleteArtifact(h.db, h.alice, artifact.id), "ARTIFACT_NAMESPACE_DENIED", 403);
    await stowageError(() => deleteVersion(h.db, h.alice, artifact.id, 0), "ARTIFACT_NAMESPACE_DENIED", 403);
    expect(await h.db.artifact.count()).toBe(1);
  });

  it("twice with the same target returns the existing share, also when racing", async () => {
    const { artifact } = await twoVersions();
    const first = await shareArtifact(h.db, h.alice, artifact.id, { identity: "bob" });
    const again = await shareArtifact(h.db, h.alice, artifact.id, { identity: "bob" });
    expect(again).toEqual({ share: first.share, created: false });
    await createGroup(h.db, h.admin, "crew");
    const racing = await Promise.all(Array.from({ length: 6 }, () => shareArtifact(h.db, h.alice, artifact.id, { group: "crew" })));
    expect(new Set(racing.map((r) => r.share.id)).size).toBe(1);
    expect(racing.filter((r) => r.created).length).toBeLessThanOrEqual(1);
    expect(await h.db.artifactShare.count()).toBe(2);
  });

  it("with an unknown identity or group, or not exactly one target, is a 400 naming the field; nothing changes", async () => {
    const { artifact } = await twoVersions();
    const cases: [Parameters<typeof shareArtifact>[3], string][] = [
      [{ identity: "nobody" }, "identity"],
      [{ group: "no-such-group" }, "group"],
      [{}, "identity"],
      [{ identity: "bob", group: "crew" }, "group"],
    ];
    for (const [target, field] of cases) {
      const e = await stowageError(() => shareArtifact(h.db, h.alice, artifact.id, target), "ARTIFACT_VALIDATION_FAILED", 400);
      expect(e.details.field, JSON.stringify(target)).toBe(field);
    }
    expect(await h.db.artifactShare.count()).toBe(0);
    expect(await h.db.auditEvent.count({ where: { action: "share.create" } })).toBe(0);
  });

  it("an unshare of another artifact's share is 404 and removes nothing", async () => {
    const a = await twoVersions("a.txt");
    const b = await h.publish(h.alice, { namespace: NS, name: "b.txt" });
    const { share } = await shareArtifact(h.db, h.alice, a.artifact.id, { identity: "bob" });
    await stowageError(() => unshareArtifact(h.db, h.alice, b.artifact.id, share.id), "ARTIFACT_NOT_FOUND", 404);
    expect(await h.db.artifactShare.count()).toBe(1);
  });
});

async function expectCanReadSimple(p: TPrincipal, id: string) {
  expect((await getArtifact(h.db, p, id)).id).toBe(id);
}

describe("shared with me", () => {
  it("lists exactly the live artifacts shared with the caller directly or through its groups", async () => {
    await createGroup(h.db, h.admin, "crew");
    await addGroupMember(h.db, h.admin, "crew", "bob");
    const bob = await h.reload(h.bob);
    const direct = await h.publish(h.alice, { namespace: NS, name: "direct.txt" });
    const viaGroup = await h.publish(h.alice, { namespace: NS, name: "group.txt" });
    const both = await h.publish(h.alice, { namespace: NS, name: "both.txt" });
    const toCarol = await h.publish(h.alice, { namespace: NS, name: "carol.txt" });
    const expired = await h.publish(h.alice, { namespace: NS, name: "expired.txt" });
    const deleted = await h.publish(h.alice, { namespace: NS, name: "deleted.txt" });
    const unshared = await h.publish(h.alice, { namespace: NS, name: "unshared.txt" });
    await h.publish(h.alice, { namespace: NS, name: "never.txt" });
    await shareArtifact(h.db, h.alice, direct.artifact.id, { identity: "bob" });
    await shareArtifact(h.db, h.alice, viaGroup.artifact.id, { group: "crew" });
    await shareArtifact(h.db, h.alice, both.artifact.id, { identity: "bob" });
    await shareArtifact(h.db, h.alice, both.artifact.id, { group: "crew" });
    await shareArtifact(h.db, h.alice, toCarol.artifact.id, { identity: "carol" });
    for (const a of [expired, deleted, unshared]) await shareArtifact(h.db, h.alice, a.artifact.id, { identity: "bob" });
    await h.db.artifact.update({ where: { id: expired.artifact.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await deleteArtifact(h.db, h.alice, deleted.artifact.id);
    const gone = (await listArtifactShares(h.db, h.alice, unshared.artifact.id))[0]!;
    await unshareArtifact(h.db, h.alice, unshared.artifact.id, gone.id);

    const mine = await listSharedWithMe(h.db, bob, { limit: 50 });
    expect(mine.artifacts.map((a) => a.name)).toEqual(["both.txt", "group.txt", "direct.txt"]);
    expect(mine.nextCursor).toBeNull();
    const bothEntry = mine.artifacts[0]!;
    expect(bothEntry.latest).toMatchObject({ version: 0, sha256: sha256("hello") });
    expect(bothEntry.sharedWithMe.map((s) => [s.identity, s.group, s.createdBy])).toEqual([
      ["bob", null, "alice"],
      [null, "crew", "alice"],
    ]);
    // Before the membership is known to the principal, only the direct shares.
    expect((await listSharedWithMe(h.db, h.bob, { limit: 50 })).artifacts.map((a) => a.name)).toEqual(["both.txt", "direct.txt"]);
    expect((await listSharedWithMe(h.db, h.carol, { limit: 50 })).artifacts.map((a) => a.name)).toEqual(["carol.txt"]);
    expect((await listSharedWithMe(h.db, h.alice, { limit: 50 })).artifacts).toEqual([]);
  });

  it("pages newest first with an opaque cursor, skipping artifacts that are gone", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 9; i++) {
      const { artifact } = await h.publish(h.alice, { namespace: NS, name: `file-${i}.txt` });
      await shareArtifact(h.db, h.alice, artifact.id, { identity: "bob" });
      ids.push(artifact.id);
    }
    // Two in the middle expire, one by its own expiry, one by its namespace's retention: pages stay full around them.
    await h.db.artifact.update({ where: { id: ids[3]! }, data: { expiresAt: new Date(Date.now() - 1) } });
    await h.db.artifact.update({ where: { id: ids[4]! }, data: { retainUntil: new Date(Date.now() - 1) } });
    const seen: string[] = [];
    let cursor: string | undefined;
    const sizes: number[] = [];
    do {
      const page = await listSharedWithMe(h.db, h.bob, { limit: 3, cursor });
      sizes.push(page.artifacts.length);
      seen.push(...page.artifacts.map((a) => a.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse().filter((id) => id !== ids[3] && id !== ids[4]));
    expect(sizes).toEqual([3, 3, 1]);
    await stowageError(() => listSharedWithMe(h.db, h.bob, { limit: 3, cursor: "not a cursor" }), "ARTIFACT_VALIDATION_FAILED", 400);
  });
});
