import { describe, expect, it } from "vitest";
import { addGroupMember, createGroup, removeGroupMember } from "@/lib/admin/groups";
import { createIdentity, createKeyFor, revokeKey } from "@/lib/admin/identities";
import { createCustomNamespace, grantAccess, revokeGrant } from "@/lib/admin/namespaces";
import { updateIdentity } from "@/lib/admin/update-identity";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { useFreshHarness } from "../../support/service-harness";

const h = useFreshHarness();

describe("admin actions in the audit log", () => {
  it("identities, keys, groups, namespaces and grants: who did what to whom, never a password, email or key", async () => {
    await createIdentity(h.db, h.admin, { name: "dana", kind: "human", email: "dana@example.test", password: "dana-password-1" });
    await updateIdentity(h.db, h.admin, "dana", { password: "dana-password-2", isAdmin: true });
    const key = await createKeyFor(h.db, h.admin, "dana", "laptop");
    await revokeKey(h.db, h.admin, key.id);
    await revokeKey(h.db, h.admin, key.id); // already revoked: nothing new
    await createGroup(h.db, h.admin, "ops");
    await addGroupMember(h.db, h.admin, "ops", "dana");
    await removeGroupMember(h.db, h.admin, "ops", "dana");
    await createCustomNamespace(h.db, h.admin, "team:ml");
    const grant = await grantAccess(h.db, h.admin, "team:ml", { group: "ops", permission: "read" });
    await revokeGrant(h.db, h.admin, "team:ml", grant.id);

    const { events } = await listAuditEvents(h.db, h.admin, { limit: 100 });
    const mine = events.reverse().map((e) => [e.action, e.actorName, e.namespace, e.details]);
    expect(mine).toEqual([
      ["identity.create", "root", "agent:dana", { identity: "dana", kind: "human", isAdmin: false, signIn: true }],
      ["identity.update", "root", "agent:dana", { identity: "dana", changed: ["password", "isAdmin"], isAdmin: true, disabled: false }],
      ["key.create", "root", null, { identity: "dana", keyId: key.id, label: "laptop" }],
      ["key.revoke", "root", null, { keyId: key.id, label: "laptop" }],
      ["group.create", "root", "ring:ops", { group: "ops" }],
      ["group.member_add", "root", "ring:ops", { group: "ops", identity: "dana" }],
      ["group.member_remove", "root", "ring:ops", { group: "ops", identity: "dana" }],
      ["namespace.create", "root", "team:ml", {}],
      ["grant.set", "root", "team:ml", { identity: null, group: "ops", permission: "read" }],
      ["grant.revoke", "root", "team:ml", { grantId: grant.id }],
    ]);
    const stored = JSON.stringify(await h.db.auditEvent.findMany());
    for (const secret of ["dana-password-1", "dana-password-2", "dana@example.test", key.key]) expect(stored).not.toContain(secret);
  });

  it("refused changes record nothing", async () => {
    await expect(updateIdentity(h.db, h.admin, "root", { isAdmin: false })).rejects.toThrow();
    await expect(createKeyFor(h.db, h.alice, "bob", "x")).rejects.toThrow();
    expect((await listAuditEvents(h.db, h.admin, { limit: 10 })).events).toEqual([]);
  });
});
