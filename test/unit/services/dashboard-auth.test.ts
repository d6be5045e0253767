import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { assertNotCrossSite, authenticateRequest } from "@/lib/access/authenticate-request";
import { createApiKey } from "@/lib/access/api-keys";
import { insertIdentity } from "@/lib/admin/identities";
import { getAuthSecret } from "@/lib/auth/auth-secret";
import { completeSetup, needsSetup } from "@/lib/auth/complete-setup";
import { ensureAdminCredentials } from "@/lib/auth/ensure-admin-credentials";
import { hashPassword, verifyPassword } from "@/lib/auth/password-hash";
import { resolveOidcIdentity } from "@/lib/auth/resolve-oidc-identity";
import { principalFromSession } from "@/lib/auth/session-principal";
import { SignInThrottledError, verifyCredentials } from "@/lib/auth/verify-credentials";
import { setSignInCredentials } from "@/lib/auth/set-password";
import { clearSignInFailures, isSignInThrottled, recordSignInFailure } from "@/lib/auth/sign-in-throttle";
import { resetConfigForTests } from "@/lib/config";
import { StowageError } from "@/lib/errors";
import { useFreshHarness } from "../../support/service-harness";

const h = useFreshHarness({ seed: false });

afterEach(() => {
  vi.unstubAllEnvs();
  resetConfigForTests();
});

async function sessionCookieFor(identityId: string, secret?: string) {
  return encode({ token: { sub: identityId }, secret: secret ?? (await getAuthSecret(h.db)) });
}

const headers = (init: Record<string, string>) => new Headers(init);

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error instanceof StowageError ? error.code : `unexpected ${error}`;
  }
  return "no error";
}

describe("password hashes", () => {
  it("verify the right password only, with a fresh salt each time and nothing of the password stored", async () => {
    const a = await hashPassword("correct horse battery");
    const b = await hashPassword("correct horse battery");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$65536\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toContain("correct");
    expect(await verifyPassword("correct horse battery", a)).toBe(true);
    expect(await verifyPassword("correct horse batterY", a)).toBe(false);
    expect(await verifyPassword("", a)).toBe(false);
    expect(await verifyPassword("x", "not-a-hash")).toBe(false);
  });
});

describe("verifyCredentials", () => {
  it("signs in by email (any case) and password; unknown, wrong, password-less and disabled all fail alike", async () => {
    const alice = await insertIdentity(h.db, { name: "alice", kind: "human", email: "Alice@Example.test", password: "alice-password-1" });
    await insertIdentity(h.db, { name: "nopass", kind: "human", email: "nopass@example.test" });
    expect((await verifyCredentials(h.db, "alice@example.test", "alice-password-1"))?.id).toBe(alice.id);
    expect((await verifyCredentials(h.db, " ALICE@example.test ", "alice-password-1"))?.id).toBe(alice.id);
    expect(await verifyCredentials(h.db, "alice@example.test", "wrong-password-1")).toBeNull();
    expect(await verifyCredentials(h.db, "nobody@example.test", "alice-password-1")).toBeNull();
    expect(await verifyCredentials(h.db, "nopass@example.test", "")).toBeNull();
    await h.db.identity.update({ where: { id: alice.id }, data: { disabledAt: new Date() } });
    expect(await verifyCredentials(h.db, "alice@example.test", "alice-password-1")).toBeNull();
  });

  it("refuses short passwords and passwords without an email when identities are created", async () => {
    expect(await codeOf(insertIdentity(h.db, { name: "short", email: "s@example.test", password: "123456789" }))).toBe(
      "ARTIFACT_VALIDATION_FAILED",
    );
    expect(await codeOf(insertIdentity(h.db, { name: "noemail", password: "long-enough-password" }))).toBe("ARTIFACT_VALIDATION_FAILED");
    expect(await h.db.identity.count()).toBe(0);
  });
});

describe("sign-in throttling", () => {
  it("after 10 wrong passwords for an email, even the right one is refused until the window passes or the password is reset", async () => {
    const tara = await insertIdentity(h.db, { name: "tara", kind: "human", email: "tara@example.test", password: "tara-password-1" });
    await insertIdentity(h.db, { name: "bo", kind: "human", email: "bo@example.test", password: "bob-password-12" });
    for (let i = 0; i < 10; i++) expect(await verifyCredentials(h.db, "Tara@example.test", `wrong-${i}-password`)).toBeNull();
    await expect(verifyCredentials(h.db, "tara@example.test", "tara-password-1")).rejects.toBeInstanceOf(SignInThrottledError);
    // Other accounts are unaffected.
    expect((await verifyCredentials(h.db, "bo@example.test", "bob-password-12"))?.name).toBe("bo");
    await setSignInCredentials(h.db, tara.id, { password: "tara-password-2" });
    expect((await verifyCredentials(h.db, "tara@example.test", "tara-password-2"))?.id).toBe(tara.id);
  });

  it("counts failures per window, and a success clears them", () => {
    const t0 = 1_000_000;
    for (let i = 0; i < 9; i++) recordSignInFailure("x@example.test", t0);
    expect(isSignInThrottled("x@example.test", t0)).toBe(false);
    recordSignInFailure("x@example.test", t0);
    expect(isSignInThrottled("x@example.test", t0 + 60_000)).toBe(true);
    expect(isSignInThrottled("x@example.test", t0 + 16 * 60_000)).toBe(false);
    for (let i = 0; i < 10; i++) recordSignInFailure("y@example.test", t0);
    clearSignInFailures("y@example.test");
    expect(isSignInThrottled("y@example.test", t0)).toBe(false);
  });
});

describe("session cookies", () => {
  it("resolve to the identity's current principal; disabled, unknown, forged and foreign-secret cookies do not", async () => {
    const alice = await insertIdentity(h.db, { name: "alice", kind: "human" });
    const token = await sessionCookieFor(alice.id);
    const cookie = (value: string | undefined) => (name: string) => (name === "next-auth.session-token" ? value : undefined);
    expect(await principalFromSession(h.db, cookie(token))).toMatchObject({ identityId: alice.id, name: "alice", isAdmin: false });
    // Promotion shows at once: the cookie carries only the identity id.
    await h.db.identity.update({ where: { id: alice.id }, data: { isAdmin: true } });
    expect((await principalFromSession(h.db, cookie(token)))?.isAdmin).toBe(true);
    expect(await principalFromSession(h.db, cookie(undefined))).toBeNull();
    expect(await principalFromSession(h.db, cookie(`${token.slice(0, -4)}AAAA`))).toBeNull();
    expect(
      await principalFromSession(h.db, cookie(await sessionCookieFor(alice.id, "another-installations-secret-0123456789"))),
    ).toBeNull();
    expect(await principalFromSession(h.db, cookie(await sessionCookieFor("00nonexistent00000000000000")))).toBeNull();
    await h.db.identity.update({ where: { id: alice.id }, data: { disabledAt: new Date() } });
    expect(await principalFromSession(h.db, cookie(token))).toBeNull();
  });

  it("the secret is AUTH_SECRET when set, else stable per installation", async () => {
    const derived = await getAuthSecret(h.db);
    expect(derived).toBe(await getAuthSecret(h.db));
    expect(derived.length).toBeGreaterThanOrEqual(32);
    vi.stubEnv("AUTH_SECRET", "an-operator-chosen-secret-of-32-chars!!");
    resetConfigForTests();
    expect(await getAuthSecret(h.db)).toBe("an-operator-chosen-secret-of-32-chars!!");
  });
});

describe("authenticateRequest", () => {
  it("prefers the API key; a cookie reads freely but changes only with the CSRF header from this origin", async () => {
    const alice = await insertIdentity(h.db, { name: "alice", kind: "human" });
    const { key } = await createApiKey(h.db, alice.id, "k");
    const cookie = `other=1; next-auth.session-token=${await sessionCookieFor(alice.id)}`;
    const host = "stowage.example:3000";

    expect((await authenticateRequest(h.db, "POST", headers({ authorization: `Bearer ${key}` }))).name).toBe("alice");
    expect(await codeOf(authenticateRequest(h.db, "GET", headers({ authorization: "Bearer nope", cookie })))).toBe("UNAUTHENTICATED");
    expect((await authenticateRequest(h.db, "GET", headers({ cookie, host }))).name).toBe("alice");
    expect(await codeOf(authenticateRequest(h.db, "GET", headers({ host })))).toBe("UNAUTHENTICATED");

    for (const method of ["POST", "PATCH", "PUT", "DELETE"]) {
      expect(await codeOf(authenticateRequest(h.db, method, headers({ cookie, host })))).toBe("FORBIDDEN");
    }
    const ok = { cookie, host, "x-stowage-csrf": "1" };
    expect((await authenticateRequest(h.db, "DELETE", headers(ok))).name).toBe("alice");
    expect(
      (await authenticateRequest(h.db, "POST", headers({ ...ok, origin: `http://${host}`, "sec-fetch-site": "same-origin" }))).name,
    ).toBe("alice");
    expect(await codeOf(authenticateRequest(h.db, "POST", headers({ ...ok, origin: "https://evil.example" })))).toBe("FORBIDDEN");
    expect(await codeOf(authenticateRequest(h.db, "POST", headers({ ...ok, "sec-fetch-site": "cross-site" })))).toBe("FORBIDDEN");
    expect(await codeOf(authenticateRequest(h.db, "POST", headers({ ...ok, origin: "null" })))).toBe("FORBIDDEN");
  });

  it("behind a proxy, the forwarded host and protocol or STOWAGE_PUBLIC_URL are this origin", () => {
    const base = { "x-stowage-csrf": "1", host: "10.0.0.5:3000" };
    expect(() =>
      assertNotCrossSite(
        headers({ ...base, "x-forwarded-host": "files.example", "x-forwarded-proto": "https", origin: "https://files.example" }),
      ),
    ).not.toThrow();
    expect(() =>
      assertNotCrossSite(
        headers({ ...base, "x-forwarded-host": "files.example", "x-forwarded-proto": "https", origin: "http://files.example" }),
      ),
    ).toThrow(StowageError);
    vi.stubEnv("STOWAGE_PUBLIC_URL", "https://stowage.example.com/");
    resetConfigForTests();
    expect(() => assertNotCrossSite(headers({ ...base, origin: "https://stowage.example.com" }))).not.toThrow();
  });
});

describe("first admin sign-in", () => {
  it("STOWAGE_ADMIN_EMAIL/PASSWORD sign the first admin in, and never overwrite a password once anyone has one", async () => {
    const admin = await insertIdentity(h.db, { name: "admin", kind: "human", isAdmin: true });
    const log = vi.fn();
    expect(await ensureAdminCredentials(h.db, undefined, log)).toBe(false);
    expect(await ensureAdminCredentials(h.db, { email: "root@example.test", password: "first-password-1" }, log)).toBe(true);
    expect(log.mock.calls.flat().join("\n")).not.toContain("first-password-1");
    expect((await verifyCredentials(h.db, "root@example.test", "first-password-1"))?.id).toBe(admin.id);
    expect(await ensureAdminCredentials(h.db, { email: "root@example.test", password: "second-password-2" }, log)).toBe(false);
    expect(await verifyCredentials(h.db, "root@example.test", "second-password-2")).toBeNull();
  });

  it("setup needs an admin API key, and closes once anyone can sign in", async () => {
    const admin = await insertIdentity(h.db, { name: "admin", kind: "human", isAdmin: true });
    const agent = await insertIdentity(h.db, { name: "agent" });
    const { key: adminKey } = await createApiKey(h.db, admin.id, "bootstrap");
    const { key: agentKey } = await createApiKey(h.db, agent.id, "k");
    expect(await needsSetup(h.db)).toBe(true);
    expect(await codeOf(completeSetup(h.db, { adminKey: "stw_guess", email: "me@example.test", password: "setup-password-1" }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(completeSetup(h.db, { adminKey: agentKey, email: "me@example.test", password: "setup-password-1" }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(completeSetup(h.db, { adminKey, email: "me@example.test", password: "short" }))).toBe("ARTIFACT_VALIDATION_FAILED");
    expect(await needsSetup(h.db)).toBe(true);
    expect(await completeSetup(h.db, { adminKey, email: "Me@Example.test", password: "setup-password-1" })).toEqual({
      identity: "admin",
      email: "me@example.test",
    });
    expect(await needsSetup(h.db)).toBe(false);
    expect((await verifyCredentials(h.db, "me@example.test", "setup-password-1"))?.id).toBe(admin.id);
    expect(await codeOf(completeSetup(h.db, { adminKey, email: "me2@example.test", password: "setup-password-2" }))).toBe("FORBIDDEN");
  });
});

describe("OIDC sign-in", () => {
  it("maps a verified email to its identity; unknown emails only with sign-up allowed", async () => {
    const alice = await insertIdentity(h.db, { name: "alice", kind: "human", email: "alice@example.test" });
    expect((await resolveOidcIdentity(h.db, { email: "ALICE@example.test" }, false))?.id).toBe(alice.id);
    expect(await resolveOidcIdentity(h.db, { email: "alice@example.test", email_verified: false }, true)).toBeNull();
    expect(await resolveOidcIdentity(h.db, {}, true)).toBeNull();
    expect(await resolveOidcIdentity(h.db, { email: "new.person@example.test" }, false)).toBeNull();
    const created = await resolveOidcIdentity(h.db, { email: "new.person@example.test" }, true);
    expect(created).toMatchObject({
      name: "new-person",
      kind: "human",
      isAdmin: false,
      email: "new.person@example.test",
      passwordHash: null,
    });
    expect(await h.db.namespace.count({ where: { name: "agent:new-person" } })).toBe(1);
    await h.db.identity.update({ where: { id: alice.id }, data: { disabledAt: new Date() } });
    expect(await resolveOidcIdentity(h.db, { email: "alice@example.test" }, true)).toBeNull();
  });
});
