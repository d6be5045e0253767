import { describe, expect, it } from "vitest";
import { authenticateApiKey } from "@/lib/access/authenticate-api-key";
import { createApiKey } from "@/lib/access/api-keys";
import { principalForIdentity } from "@/lib/access/principal-for-identity";
import { insertIdentity } from "@/lib/admin/identities";
import { updateIdentity } from "@/lib/admin/update-identity";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { stowageError, useFreshHarness } from "../../support/service-harness";

const h = useFreshHarness();

describe("updateIdentity", () => {
  it("gives an identity sign-in, then resets its password: only the new one works", async () => {
    const dto = await updateIdentity(h.db, h.admin, "alice", { email: "Alice@Example.test", password: "first-password-1" });
    expect(dto).toMatchObject({ name: "alice", email: "alice@example.test", hasPassword: true, isAdmin: false, disabledAt: null });
    expect(JSON.stringify(dto)).not.toContain("first-password-1");
    expect((await verifyCredentials(h.db, "alice@example.test", "first-password-1"))?.name).toBe("alice");

    await updateIdentity(h.db, h.admin, "alice", { password: "second-password-2" });
    expect(await verifyCredentials(h.db, "alice@example.test", "first-password-1")).toBeNull();
    expect((await verifyCredentials(h.db, "alice@example.test", "second-password-2"))?.name).toBe("alice");

    await updateIdentity(h.db, h.admin, "alice", { email: "alice@new.test" });
    expect((await verifyCredentials(h.db, "alice@new.test", "second-password-2"))?.name).toBe("alice");
  });

  it("refuses a password without any email, a short password and an email another identity uses", async () => {
    expect(
      (await stowageError(() => updateIdentity(h.db, h.admin, "bob", { password: "long-enough-password" }), "ARTIFACT_VALIDATION_FAILED"))
        .details,
    ).toEqual({ field: "email" });
    expect(
      (
        await stowageError(
          () => updateIdentity(h.db, h.admin, "bob", { email: "bob@x.test", password: "short" }),
          "ARTIFACT_VALIDATION_FAILED",
        )
      ).details,
    ).toEqual({ field: "password" });
    // Nothing of the refused change was kept.
    expect((await h.db.identity.findUniqueOrThrow({ where: { name: "bob" } })).email).toBeNull();

    await updateIdentity(h.db, h.admin, "alice", { email: "taken@x.test" });
    const clash = await stowageError(
      () => updateIdentity(h.db, h.admin, "bob", { email: "TAKEN@x.test", isAdmin: true }),
      "ARTIFACT_VALIDATION_FAILED",
    );
    expect(clash.details).toEqual({ field: "email" });
    // The flag in the same request rolled back with it.
    expect((await h.db.identity.findUniqueOrThrow({ where: { name: "bob" } })).isAdmin).toBe(false);
  });

  it("toggles the admin flag", async () => {
    expect((await updateIdentity(h.db, h.admin, "bob", { isAdmin: true })).isAdmin).toBe(true);
    expect((await principalForIdentity(h.db, h.bob.identityId))?.isAdmin).toBe(true);
    expect((await updateIdentity(h.db, h.admin, "bob", { isAdmin: false })).isAdmin).toBe(false);
    expect((await principalForIdentity(h.db, h.bob.identityId))?.isAdmin).toBe(false);
  });

  it("disabling stops the identity's keys, sessions and password at once; enabling restores them", async () => {
    const { key } = await createApiKey(h.db, h.alice.identityId, "t");
    await updateIdentity(h.db, h.admin, "alice", { email: "alice@x.test", password: "alice-password-1" });

    const disabled = await updateIdentity(h.db, h.admin, "alice", { disabled: true });
    expect(disabled.disabledAt).toEqual(expect.any(String));
    await expect(authenticateApiKey(h.db, `Bearer ${key}`)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await principalForIdentity(h.db, h.alice.identityId)).toBeNull();
    expect(await verifyCredentials(h.db, "alice@x.test", "alice-password-1")).toBeNull();
    // Disabling again keeps the original instant.
    expect((await updateIdentity(h.db, h.admin, "alice", { disabled: true })).disabledAt).toBe(disabled.disabledAt);

    expect((await updateIdentity(h.db, h.admin, "alice", { disabled: false })).disabledAt).toBeNull();
    expect((await authenticateApiKey(h.db, `Bearer ${key}`)).name).toBe("alice");
    expect((await verifyCredentials(h.db, "alice@x.test", "alice-password-1"))?.name).toBe("alice");
  });

  it("an admin cannot remove their own admin flag or disable themselves", async () => {
    const other = await h.addIdentity("other-admin", { isAdmin: true });
    expect(other.isAdmin).toBe(true);
    expect(
      (await stowageError(() => updateIdentity(h.db, h.admin, "root", { isAdmin: false }), "ARTIFACT_VALIDATION_FAILED", 400)).details,
    ).toEqual({ field: "isAdmin" });
    expect(
      (await stowageError(() => updateIdentity(h.db, h.admin, "root", { disabled: true }), "ARTIFACT_VALIDATION_FAILED", 400)).details,
    ).toEqual({ field: "disabled" });
    const root = await h.db.identity.findUniqueOrThrow({ where: { name: "root" } });
    expect(root).toMatchObject({ isAdmin: true, disabledAt: null });
    // Changing their own sign-in is fine.
    expect((await updateIdentity(h.db, h.admin, "root", { email: "root@x.test" })).email).toBe("root@x.test");
  });

  it("never leaves the instance without an enabled admin", async () => {
    const second = await h.addIdentity("second", { isAdmin: true });
    // root is demoted behind its back (another admin's request); its principal is now stale.
    await updateIdentity(h.db, second, "root", { isAdmin: false });
    const refused = await stowageError(() => updateIdentity(h.db, h.admin, "second", { disabled: true }), "ARTIFACT_VALIDATION_FAILED");
    expect(refused.message).toMatch(/at least one enabled admin/);
    expect((await stowageError(() => updateIdentity(h.db, h.admin, "second", { isAdmin: false }))).details).toEqual({ field: "isAdmin" });
    expect(await h.db.identity.findUniqueOrThrow({ where: { name: "second" } })).toMatchObject({ isAdmin: true, disabledAt: null });

    // With another enabled admin around, the same change goes through.
    await insertIdentity(h.db, { name: "third", isAdmin: true });
    expect((await updateIdentity(h.db, h.admin, "second", { disabled: true })).disabledAt).not.toBeNull();
  });

  it("is for admins only, and unknown names are not found", async () => {
    await stowageError(() => updateIdentity(h.db, h.alice, "bob", { isAdmin: true }), "FORBIDDEN", 403);
    await stowageError(() => updateIdentity(h.db, h.alice, "alice", { isAdmin: true }), "FORBIDDEN");
    expect((await h.db.identity.findUniqueOrThrow({ where: { name: "alice" } })).isAdmin).toBe(false);
    await stowageError(() => updateIdentity(h.db, h.admin, "nobody", { disabled: true }), "ARTIFACT_NOT_FOUND", 404);
  });
});
