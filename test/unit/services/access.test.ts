import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createApiKey, hashApiKey } from "@/lib/access/api-keys";
import { authenticateApiKey } from "@/lib/access/authenticate-api-key";
import { namespacePermissions, requireNamespace } from "@/lib/access/namespace-access";
import type { TPrincipal } from "@/lib/access/principal";
import { addGroupMember, createGroup } from "@/lib/admin/groups";
import { createIdentity, createKeyFor, revokeKey } from "@/lib/admin/identities";
import { createCustomNamespace, grantAccess } from "@/lib/admin/namespaces";
import { useFreshHarness, stowageError } from "../../support/service-harness";

const h = useFreshHarness();

const loadNs = (name: string) => h.db.namespace.findUniqueOrThrow({ where: { name }, include: { grants: true } });

describe("namespacePermissions", () => {
  it("owner, ring member, read grant, write grant, group grant, admin and stranger", async () => {
    await createGroup(h.db, h.admin, "crew");
    await createGroup(h.db, h.admin, "auditors");
    await addGroupMember(h.db, h.admin, "crew", "bob");
    const dave = await h.addIdentity("dave");
    const erin = await h.addIdentity("erin");
    await addGroupMember(h.db, h.admin, "auditors", "erin");
    await createCustomNamespace(h.db, h.admin, "team:ml");
    await grantAccess(h.db, h.admin, "team:ml", { identity: "alice", permission: "read" });
    await grantAccess(h.db, h.admin, "team:ml", { identity: "dave", permission: "write" });
    await grantAccess(h.db, h.admin, "team:ml", { group: "auditors", permission: "write" });
    const bob = await h.reload(h.bob);
    const erinNow = await h.reload(erin);
    await requireNamespace(h.db, bob, "ring:crew", "read");

    const personal = await loadNs("agent:alice");
    const ring = await loadNs("ring:crew");
    const team = await loadNs("team:ml");
    const none = { read: false, write: false };
    const all = { read: true, write: true };

    expect(namespacePermissions(h.alice, personal)).toEqual(all);
    expect(namespacePermissions(bob, personal)).toEqual(none);
    expect(namespacePermissions(bob, ring)).toEqual(all);
    expect(namespacePermissions(h.alice, ring)).toEqual(none);
    expect(namespacePermissions(h.alice, team)).toEqual({ read: true, write: false });
    expect(namespacePermissions(dave, team)).toEqual(all);
    expect(namespacePermissions(erinNow, team)).toEqual(all);
    // The same identity before its group membership is known: nothing.
    expect(namespacePermissions(erin, team)).toEqual(none);
    expect(namespacePermissions(h.admin, team)).toEqual(all);
    expect(namespacePermissions(h.admin, personal)).toEqual(all);
    expect(namespacePermissions(h.carol, team)).toEqual(none);
    expect(namespacePermissions(h.carol, ring)).toEqual(none);

    // A read grant and a write grant through a group add up to write.
    await grantAccess(h.db, h.admin, "team:ml", { group: "crew", permission: "write" });
    await addGroupMember(h.db, h.admin, "crew", "alice");
    expect(namespacePermissions(await h.reload(h.alice), await loadNs("team:ml"))).toEqual(all);
    // Changing a grant replaces it.
    await grantAccess(h.db, h.admin, "team:ml", { identity: "dave", permission: "read" });
    expect(namespacePermissions(dave, await loadNs("team:ml"))).toEqual({ read: true, write: false });
  });
});

describe("requireNamespace", () => {
  it("creates agent:<name> together with the identity", async () => {
    const ns = await requireNamespace(h.db, h.alice, "agent:alice", "write");
    expect(ns).toMatchObject({ name: "agent:alice", kind: "agent", ownerIdentityId: h.alice.identityId });
    expect(await h.db.namespace.count({ where: { ownerIdentityId: h.alice.identityId } })).toBe(1);
  });

  it("creates ring:<group> with the group; members may use it, non-members may not", async () => {
    const crew = await createGroup(h.db, h.admin, "crew");
    expect(await h.db.namespace.findUnique({ where: { name: "ring:crew" } })).toMatchObject({ kind: "ring", groupId: crew.id });
    await addGroupMember(h.db, h.admin, "crew", "alice");
    await createGroup(h.db, h.admin, "other");
    const alice = await h.reload(h.alice);
    await stowageError(() => requireNamespace(h.db, h.bob, "ring:crew", "read"), "ARTIFACT_NAMESPACE_DENIED", 403);
    const ns = await requireNamespace(h.db, alice, "ring:crew", "write");
    expect(ns).toMatchObject({ name: "ring:crew", kind: "ring", groupId: crew.id });
    await stowageError(() => requireNamespace(h.db, alice, "ring:other", "read"), "ARTIFACT_NAMESPACE_DENIED", 403);
  });

  it("denies agent:<other>, ring:<non-member> and custom namespaces with the same answer whether or not they exist", async () => {
    await createCustomNamespace(h.db, h.admin, "team:real");
    await createGroup(h.db, h.admin, "crew");
    await requireNamespace(h.db, h.admin, "ring:crew", "read");
    const cases = [
      ["agent:bob", "agent:nobody"],
      ["ring:crew", "ring:nogroup"],
      ["team:real", "team:imaginary"],
    ] as const;
    for (const [existing, missing] of cases) {
      const a = await stowageError(() => requireNamespace(h.db, h.alice, existing, "read"), "ARTIFACT_NAMESPACE_DENIED", 403);
      const b = await stowageError(() => requireNamespace(h.db, h.alice, missing, "read"), "ARTIFACT_NAMESPACE_DENIED", 403);
      expect(a.message.replace(existing, "<ns>")).toBe(b.message.replace(missing, "<ns>"));
      expect(a.details).toEqual({ namespace: existing });
      expect(b.details).toEqual({ namespace: missing });
    }
    expect(await h.db.namespace.count({ where: { name: { in: ["agent:nobody", "ring:nogroup", "team:imaginary"] } } })).toBe(0);
  });

  it("a read grant does not give write", async () => {
    await createCustomNamespace(h.db, h.admin, "team:ml");
    await grantAccess(h.db, h.admin, "team:ml", { identity: "alice", permission: "read" });
    expect((await requireNamespace(h.db, h.alice, "team:ml", "read")).name).toBe("team:ml");
    await stowageError(() => requireNamespace(h.db, h.alice, "team:ml", "write"), "ARTIFACT_NAMESPACE_DENIED", 403);
  });

  it("admins get 404 for a custom namespace that does not exist, and may use existing ones", async () => {
    const e = await stowageError(() => requireNamespace(h.db, h.admin, "team:ghost", "write"), "ARTIFACT_NOT_FOUND", 404);
    expect(e.details).toEqual({ namespace: "team:ghost" });
    expect(await h.db.namespace.count({ where: { name: "team:ghost" } })).toBe(0);
    await createCustomNamespace(h.db, h.admin, "team:ghost");
    expect((await requireNamespace(h.db, h.admin, "team:ghost", "write")).kind).toBe("custom");
    expect((await requireNamespace(h.db, h.admin, "agent:alice", "write")).ownerIdentityId).toBe(h.alice.identityId);
  });

  it("rejects malformed namespace names as validation errors", async () => {
    for (const bad of ["alice", "agent:", "Agent:alice", "agent:Alice", ":x", "team:a b"]) {
      await stowageError(() => requireNamespace(h.db, h.admin, bad, "read"), "ARTIFACT_VALIDATION_FAILED", 400);
    }
  });
});

describe("API keys", () => {
  const bearer = (key: string) => `Bearer ${key}`;

  it("authenticate as their identity, with group memberships and admin flag", async () => {
    await createGroup(h.db, h.admin, "crew");
    await addGroupMember(h.db, h.admin, "crew", "alice");
    const { key } = await createApiKey(h.db, h.alice.identityId, "laptop");
    const p = await authenticateApiKey(h.db, bearer(key));
    const crew = await h.db.group.findUniqueOrThrow({ where: { name: "crew" } });
    expect(p).toEqual({ identityId: h.alice.identityId, name: "alice", isAdmin: false, groupIds: [crew.id] } satisfies TPrincipal);
    const adminKey = await createApiKey(h.db, h.admin.identityId);
    expect((await authenticateApiKey(h.db, `bearer   ${adminKey.key}  `)).isAdmin).toBe(true);
  });

  it("records the last use", async () => {
    const created = await createApiKey(h.db, h.alice.identityId);
    expect((await h.db.apiKey.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toBeNull();
    const before = Date.now();
    await authenticateApiKey(h.db, bearer(created.key));
    const used = (await h.db.apiKey.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt;
    expect(used!.getTime()).toBeGreaterThanOrEqual(before - 1);
  });

  it("refuses a missing header, a wrong key, a revoked key and a disabled identity", async () => {
    const { key, id } = await createApiKey(h.db, h.alice.identityId);
    const other = await createKeyFor(h.db, h.bob, "bob", "cli");

    for (const header of [
      null,
      "",
      key,
      `Basic ${key}`,
      "Bearer",
      bearer(`${key}x`),
      bearer(key.slice(0, -1)),
      bearer("stw_" + "a".repeat(43)),
    ]) {
      await stowageError(() => authenticateApiKey(h.db, header), "UNAUTHENTICATED", 401);
    }
    expect((await authenticateApiKey(h.db, bearer(key))).name).toBe("alice");

    // Only the key's owner (or an admin) may revoke it; to others it does not exist.
    await stowageError(() => revokeKey(h.db, h.bob, id), "ARTIFACT_NOT_FOUND", 404);
    await revokeKey(h.db, h.alice, id);
    await stowageError(() => authenticateApiKey(h.db, bearer(key)), "UNAUTHENTICATED", 401);
    await revokeKey(h.db, h.alice, id); // idempotent

    expect((await authenticateApiKey(h.db, bearer(other.key))).name).toBe("bob");
    await h.db.identity.update({ where: { id: h.bob.identityId }, data: { disabledAt: new Date() } });
    await stowageError(() => authenticateApiKey(h.db, bearer(other.key)), "UNAUTHENTICATED", 401);
  });

  it("stores only the sha256 of the key, never the key", async () => {
    const created = await createApiKey(h.db, h.alice.identityId, "ci");
    expect(created.key).toMatch(/^stw_[A-Za-z0-9_-]{43}$/);
    const row = await h.db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    const independent = createHash("sha256").update(created.key).digest("hex");
    expect(row.hash).toBe(independent);
    expect(hashApiKey(created.key)).toBe(independent);
    expect(JSON.stringify(row)).not.toContain(created.key);
    expect(JSON.stringify(row)).not.toContain(created.key.slice(12));
    // A second key is different and independently hashed.
    const second = await createApiKey(h.db, h.alice.identityId);
    expect(second.key).not.toBe(created.key);
  });

  it("only admins create keys for others; anyone for themselves", async () => {
    await stowageError(() => createKeyFor(h.db, h.alice, "bob", "x"), "FORBIDDEN", 403);
    const own = await createKeyFor(h.db, h.alice, "alice", "mine");
    expect((await authenticateApiKey(h.db, bearer(own.key))).name).toBe("alice");
    const forBob = await createKeyFor(h.db, h.admin, "bob", "by admin");
    expect((await authenticateApiKey(h.db, bearer(forBob.key))).name).toBe("bob");
    await stowageError(() => createIdentity(h.db, h.alice, { name: "mallory", isAdmin: true }), "FORBIDDEN", 403);
    expect(await h.db.identity.count({ where: { name: "mallory" } })).toBe(0);
  });
});
