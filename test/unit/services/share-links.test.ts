import { afterEach, describe, expect, it, vi } from "vitest";
import { deleteArtifact, deleteVersion } from "@/lib/artifacts/delete-artifact";
import { serverSignature } from "@/lib/access/server-signature";
import { createCustomNamespace, grantAccess } from "@/lib/admin/namespaces";
import { listShareLinks } from "@/lib/sharing/list-share-links";
import { revokeShareLink } from "@/lib/sharing/revoke-share-link";
import { shareArtifact } from "@/lib/sharing/share-artifact";
import { createShareLink, resolveShareToken, signShareUrl } from "@/lib/sharing/share-links";
import { sha256, stowageError, useFreshHarness } from "../../support/service-harness";

const h = useFreshHarness();
afterEach(() => {
  vi.useRealTimers();
});

const NS = "agent:alice";
const BASE = "https://stowage.example/";
const MAX = 86_400;

const tokenOf = (url: string) => {
  const prefix = "https://stowage.example/api/v1/share/";
  expect(url.startsWith(prefix)).toBe(true);
  return url.slice(prefix.length);
};

/** Only Date is faked: the database driver's own timers keep running. */
const freezeAt = (ms: number) => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(ms);
};

async function twoVersions() {
  await h.publish(h.alice, { namespace: NS, name: "shared.txt" }, "first");
  return h.publish(h.alice, { namespace: NS, name: "shared.txt" }, "second");
}

describe("createShareLink", () => {
  it("defaults to an hour, capped by the configured maximum", async () => {
    const { artifact } = await twoVersions();
    const now = Date.UTC(2030, 0, 1, 12, 0, 0);
    freezeAt(now);
    const link = await createShareLink(h.db, h.alice, artifact.id, { maxSeconds: MAX, baseUrl: BASE });
    expect(link.expiresAt).toBe(new Date(now + 3600_000).toISOString());
    expect(link.version).toBe(1);
    const capped = await createShareLink(h.db, h.alice, artifact.id, { maxSeconds: 600, baseUrl: BASE });
    expect(capped.expiresAt).toBe(new Date(now + 600_000).toISOString());
  });

  it("accepts 60 s to the maximum and refuses anything else (400)", async () => {
    const { artifact } = await twoVersions();
    for (const expiresIn of [59, 0, -5, MAX + 1, 60.5, Number.NaN]) {
      const e = await stowageError(
        () => createShareLink(h.db, h.alice, artifact.id, { expiresIn, maxSeconds: MAX, baseUrl: BASE }),
        "ARTIFACT_VALIDATION_FAILED",
        400,
      );
      expect(e.details.field).toBe("expiresIn");
    }
    const now = Date.UTC(2030, 0, 1);
    freezeAt(now);
    const min = await createShareLink(h.db, h.alice, artifact.id, { expiresIn: 60, maxSeconds: MAX, baseUrl: BASE });
    expect(min.expiresAt).toBe(new Date(now + 60_000).toISOString());
    const max = await createShareLink(h.db, h.alice, artifact.id, { expiresIn: MAX, maxSeconds: MAX, baseUrl: BASE });
    expect(max.expiresAt).toBe(new Date(now + MAX * 1000).toISOString());
  });

  it("binds a chosen version; unknown versions and artifacts one cannot read are 404", async () => {
    const { artifact } = await twoVersions();
    const link = await createShareLink(h.db, h.alice, artifact.id, { version: 0, maxSeconds: MAX, baseUrl: BASE });
    const row = await resolveShareToken(h.db, tokenOf(link.url));
    expect(row.version).toBe(0);
    expect(row.sha256).toBe(sha256("first"));
    await stowageError(
      () => createShareLink(h.db, h.alice, artifact.id, { version: 7, maxSeconds: MAX, baseUrl: BASE }),
      "ARTIFACT_NOT_FOUND",
      404,
    );
    await stowageError(() => createShareLink(h.db, h.carol, artifact.id, { maxSeconds: MAX, baseUrl: BASE }), "ARTIFACT_NOT_FOUND", 404);
  });
});

describe("resolveShareToken", () => {
  it("accepts the token from the URL and finds the version's bytes", async () => {
    const { artifact } = await twoVersions();
    const link = await createShareLink(h.db, h.alice, artifact.id, { maxSeconds: MAX, baseUrl: BASE });
    const row = await resolveShareToken(h.db, tokenOf(link.url));
    expect(row).toMatchObject({ artifactId: artifact.id, version: 1, sha256: sha256("second") });
    expect(await h.store.exists(row.storageKey)).toBe(true);
  });

  it("rejects a token with any part changed (403)", async () => {
    const { artifact } = await twoVersions();
    const link = await createShareLink(h.db, h.alice, artifact.id, { version: 0, maxSeconds: MAX, baseUrl: BASE });
    const other = await createShareLink(h.db, h.alice, artifact.id, { version: 1, maxSeconds: MAX, baseUrl: BASE });
    const token = tokenOf(link.url);
    const [id, signature] = token.split(".") as [string, string];
    const [otherId, otherSignature] = tokenOf(other.url).split(".") as [string, string];
    // The token is the link's id and a signature over it, nothing else.
    expect(id).toBe(link.id);
    expect(token).not.toContain(artifact.id);

    const i = 20;
    const flipped = signature.slice(0, i) + (signature[i] === "A" ? "B" : "A") + signature.slice(i + 1);
    const tampered = {
      signature: `${id}.${flipped}`,
      otherId: `${otherId}.${signature}`,
      otherSignature: `${id}.${otherSignature}`,
      truncated: token.slice(0, -1),
      garbage: "not-a-token",
      empty: "",
    };
    for (const [what, bad] of Object.entries(tampered)) {
      const e = await stowageError(() => resolveShareToken(h.db, bad), "ARTIFACT_SHARE_LINK_INVALID", 403);
      expect(e.message, what).toMatch(/not valid/);
    }
    // The untouched tokens still work.
    expect((await resolveShareToken(h.db, token)).version).toBe(0);
    expect((await resolveShareToken(h.db, tokenOf(other.url))).version).toBe(1);
  });

  it("rejects a token once it has expired, and not a moment before", async () => {
    const { artifact } = await twoVersions();
    const start = Date.UTC(2030, 5, 1, 8, 0, 0);
    freezeAt(start);
    const link = await createShareLink(h.db, h.alice, artifact.id, { expiresIn: 60, maxSeconds: MAX, baseUrl: BASE });
    const token = tokenOf(link.url);

    vi.setSystemTime(start + 59_999);
    expect((await resolveShareToken(h.db, token)).version).toBe(1);
    vi.setSystemTime(start + 60_000);
    const e = await stowageError(() => resolveShareToken(h.db, token), "ARTIFACT_SHARE_LINK_INVALID", 403);
    expect(e.message).toMatch(/expired/);
    vi.setSystemTime(start + 86_400_000);
    await stowageError(() => resolveShareToken(h.db, token), "ARTIFACT_SHARE_LINK_INVALID", 403);
  });

  it("is 404 once the artifact or the shared version is deleted", async () => {
    const { artifact } = await twoVersions();
    const v0 = tokenOf((await createShareLink(h.db, h.alice, artifact.id, { version: 0, maxSeconds: MAX, baseUrl: BASE })).url);
    const v1 = tokenOf((await createShareLink(h.db, h.alice, artifact.id, { version: 1, maxSeconds: MAX, baseUrl: BASE })).url);
    await deleteVersion(h.db, h.alice, artifact.id, 0);
    await stowageError(() => resolveShareToken(h.db, v0), "ARTIFACT_NOT_FOUND", 404);
    expect((await resolveShareToken(h.db, v1)).version).toBe(1);
    await deleteArtifact(h.db, h.alice, artifact.id);
    await stowageError(() => resolveShareToken(h.db, v1), "ARTIFACT_NOT_FOUND", 404);
  });
});

describe("revoking share links", () => {
  it("stops a revoked link at once while another link to the same version keeps working", async () => {
    const { artifact } = await twoVersions();
    const a = await createShareLink(h.db, h.alice, artifact.id, { version: 1, maxSeconds: MAX, baseUrl: BASE });
    const b = await createShareLink(h.db, h.alice, artifact.id, { version: 1, maxSeconds: MAX, baseUrl: BASE });
    expect((await resolveShareToken(h.db, tokenOf(a.url))).linkId).toBe(a.id);
    await revokeShareLink(h.db, h.alice, a.id);
    const e = await stowageError(() => resolveShareToken(h.db, tokenOf(a.url)), "ARTIFACT_SHARE_LINK_INVALID", 403);
    expect(e.message).toMatch(/revoked/);
    expect((await resolveShareToken(h.db, tokenOf(b.url))).version).toBe(1);
    // Revoking again changes nothing, not even who revoked it and when.
    const before = await h.db.shareLink.findUniqueOrThrow({ where: { id: a.id } });
    await revokeShareLink(h.db, h.admin, a.id);
    expect(await h.db.shareLink.findUniqueOrThrow({ where: { id: a.id } })).toEqual(before);
    expect(before.revokedById).toBe(h.alice.identityId);
  });

  it("is for the link's creator, the namespace's writers, the artifact's owner and admins", async () => {
    await createCustomNamespace(h.db, h.admin, "team:ml");
    await grantAccess(h.db, h.admin, "team:ml", { identity: "alice", permission: "write" });
    await grantAccess(h.db, h.admin, "team:ml", { identity: "bob", permission: "read" });
    const dave = await h.addIdentity("dave");
    await grantAccess(h.db, h.admin, "team:ml", { identity: "dave", permission: "write" });
    const { artifact } = await h.publish(h.alice, { namespace: "team:ml", name: "model.bin" }, "weights");
    const mint = (p: typeof h.alice) => createShareLink(h.db, p, artifact.id, { maxSeconds: MAX, baseUrl: BASE });

    // A reader (read grant) makes a link; another reader may not revoke it, its maker may.
    const bobs = await mint(h.bob);
    const erin = await h.addIdentity("erin");
    await grantAccess(h.db, h.admin, "team:ml", { identity: "erin", permission: "read" });
    await stowageError(() => revokeShareLink(h.db, erin, bobs.id), "ARTIFACT_NAMESPACE_DENIED", 403);
    await stowageError(() => revokeShareLink(h.db, h.carol, bobs.id), "ARTIFACT_NOT_FOUND", 404);
    await revokeShareLink(h.db, h.bob, bobs.id);

    // Writers, the owner and admins may revoke anyone's link; readers see only their own links.
    for (const who of [dave, h.alice, h.admin]) await revokeShareLink(h.db, who, (await mint(h.bob)).id);
    const own = await mint(erin);
    expect((await listShareLinks(h.db, erin, artifact.id, { limit: 50 })).links.map((l) => l.id)).toEqual([own.id]);
    const all = await listShareLinks(h.db, dave, artifact.id, { limit: 50 });
    expect(all.links).toHaveLength(5);
    expect(all.links[0]).toMatchObject({ id: own.id, status: "active", createdBy: "erin", revokedAt: null, version: 0 });
    expect(all.links.slice(1).map((l) => [l.status, l.createdBy, l.revokedBy])).toEqual([
      ["revoked", "bob", "root"],
      ["revoked", "bob", "alice"],
      ["revoked", "bob", "dave"],
      ["revoked", "bob", "bob"],
    ]);
    // Never the token, in any field.
    expect(JSON.stringify(all)).not.toContain(tokenOf(own.url).split(".")[1]);
    await stowageError(() => revokeShareLink(h.db, h.alice, "00000000000000000000000000"), "ARTIFACT_NOT_FOUND", 404);
  });

  it("lists newest first with a cursor and marks expired links", async () => {
    const { artifact } = await twoVersions();
    const start = Date.UTC(2030, 0, 1);
    freezeAt(start);
    const ids = [];
    for (let i = 0; i < 5; i++)
      ids.push((await createShareLink(h.db, h.alice, artifact.id, { expiresIn: 60 + i * 60, maxSeconds: MAX, baseUrl: BASE })).id);
    vi.setSystemTime(start + 150_000);
    const first = await listShareLinks(h.db, h.alice, artifact.id, { limit: 2 });
    const second = await listShareLinks(h.db, h.alice, artifact.id, { limit: 2, cursor: first.nextCursor! });
    const third = await listShareLinks(h.db, h.alice, artifact.id, { limit: 2, cursor: second.nextCursor! });
    expect([...first.links, ...second.links, ...third.links].map((l) => l.id)).toEqual(ids.reverse());
    expect(third.nextCursor).toBeNull();
    expect([...first.links, ...second.links, ...third.links].map((l) => l.status)).toEqual([
      "active",
      "active",
      "active",
      "expired",
      "expired",
    ]);
    await stowageError(() => listShareLinks(h.db, h.alice, artifact.id, { limit: 2, cursor: "%%%" }), "ARTIFACT_VALIDATION_FAILED", 400);
  });

  it("links made by someone the artifact was shared with follow the same rules", async () => {
    const { artifact } = await twoVersions();
    await shareArtifact(h.db, h.alice, artifact.id, { identity: "bob" });
    const link = await createShareLink(h.db, h.bob, artifact.id, { version: 0, maxSeconds: MAX, baseUrl: BASE });
    expect((await resolveShareToken(h.db, tokenOf(link.url))).sha256).toBe(sha256("first"));
    // The owner sees and revokes it.
    expect((await listShareLinks(h.db, h.alice, artifact.id, { limit: 10 })).links.map((l) => l.createdBy)).toEqual(["bob"]);
    await revokeShareLink(h.db, h.alice, link.id);
    await stowageError(() => resolveShareToken(h.db, tokenOf(link.url)), "ARTIFACT_SHARE_LINK_INVALID", 403);
  });
});

describe("download URLs (signShareUrl)", () => {
  it("work until they expire, are bound to their fields, and are not share links", async () => {
    const { artifact } = await twoVersions();
    const start = Date.UTC(2030, 0, 1);
    freezeAt(start);
    const signed = await signShareUrl(h.db, artifact.id, 0, 120, BASE);
    expect(signed.expiresAt).toBe(new Date(start + 120_000).toISOString());
    const token = tokenOf(signed.url);
    const row = await resolveShareToken(h.db, token);
    expect(row).toMatchObject({ artifactId: artifact.id, version: 0, linkId: null, namespace: NS });
    expect(await h.db.shareLink.count()).toBe(0);

    const [id, version, expires, signature] = token.split(".") as [string, string, string, string];
    for (const bad of [`${id}.1.${expires}.${signature}`, `${id}.${version}.${Number(expires) + 60}.${signature}`, `${id}.${signature}`]) {
      await stowageError(() => resolveShareToken(h.db, bad), "ARTIFACT_SHARE_LINK_INVALID", 403);
    }
    // A token signed the way share links were before they became rows is no longer accepted.
    const legacy = await serverSignature(h.db, ["stowage-share-v1", id, Number(version), Number(expires)]);
    await stowageError(() => resolveShareToken(h.db, `${id}.${version}.${expires}.${legacy}`), "ARTIFACT_SHARE_LINK_INVALID", 403);

    vi.setSystemTime(start + 120_000);
    const e = await stowageError(() => resolveShareToken(h.db, token), "ARTIFACT_SHARE_LINK_INVALID", 403);
    expect(e.message).toMatch(/expired/);
  });
});
