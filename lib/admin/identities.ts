import "server-only";
import type { Db } from "../db/client.ts";
import { isUniqueViolation } from "../db/client.ts";
import { StowageError, notFound, validationFailed } from "../errors.ts";
import { newId } from "../ids.ts";
import { createApiKey } from "../access/api-keys.ts";
import { assertSlug } from "../access/namespace-names.ts";
import type { TPrincipal } from "../access/principal.ts";
import { requireAdmin } from "../access/require-admin.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";
import { hashPassword } from "../auth/password-hash.ts";
import { assertPasswordAcceptable, normalizeEmail } from "../auth/set-password.ts";

type TIdentityRow = {
  id: string;
  name: string;
  kind: string;
  isAdmin: boolean;
  email: string | null;
  passwordHash?: string | null;
  createdAt: Date;
  disabledAt: Date | null;
};

export const toIdentityDto = (i: TIdentityRow) => ({
  id: i.id,
  name: i.name,
  kind: i.kind,
  isAdmin: i.isAdmin,
  email: i.email,
  /** Whether the identity can sign in to the dashboard with a password (the hash never leaves the server). */
  hasPassword: Boolean(i.passwordHash),
  namespace: `agent:${i.name}`,
  createdAt: i.createdAt.toISOString(),
  disabledAt: i.disabledAt?.toISOString() ?? null,
});

export type TCreateIdentity = { name: string; kind?: "agent" | "human"; isAdmin?: boolean; email?: string; password?: string };

/** Creates an identity and its personal `agent:<name>` namespace. Callable without a principal only by bootstrap. */
export async function insertIdentity(db: Db, input: TCreateIdentity) {
  assertSlug(input.name, "name");
  if (input.password !== undefined) {
    if (!input.email) throw validationFailed("an identity that signs in with a password needs an email", { field: "email" });
    assertPasswordAcceptable(input.password);
  }
  try {
    // One statement: an identity never exists without its personal namespace.
    return await db.identity.create({
      data: {
        id: newId(),
        name: input.name,
        kind: input.kind ?? "agent",
        isAdmin: input.isAdmin ?? false,
        email: input.email === undefined ? undefined : normalizeEmail(input.email),
        passwordHash: input.password === undefined ? undefined : await hashPassword(input.password),
        ownedNamespaces: { create: { id: newId(), name: `agent:${input.name}`, kind: "agent" } },
      },
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw validationFailed(`an identity named "${input.name}" (or with that email) already exists`, { field: "name" });
    throw error;
  }
}

export async function createIdentity(db: Db, principal: TPrincipal, input: TCreateIdentity) {
  requireAdmin(principal);
  const identity = toIdentityDto(await insertIdentity(db, input));
  await recordAuditEvent(db, {
    actor: principal,
    action: "identity.create",
    namespace: identity.namespace,
    details: { identity: identity.name, kind: identity.kind, isAdmin: identity.isAdmin, signIn: identity.hasPassword },
  });
  return identity;
}

export async function listIdentities(db: Db, principal: TPrincipal) {
  requireAdmin(principal);
  const rows = await db.identity.findMany({ orderBy: { name: "asc" } });
  return rows.map(toIdentityDto);
}

export async function findIdentityByName(db: Db, name: string) {
  const identity = await db.identity.findUnique({ where: { name } });
  if (!identity) throw notFound("identity");
  return identity;
}

/** Admins create keys for anyone; an identity may create keys for itself. */
export async function createKeyFor(db: Db, principal: TPrincipal, identityName: string, label: string) {
  const identity = await findIdentityByName(db, identityName);
  if (!principal.isAdmin && identity.id !== principal.identityId)
    throw new StowageError("FORBIDDEN", "you may only create keys for yourself");
  const created = await createApiKey(db, identity.id, label);
  await recordAuditEvent(db, { actor: principal, action: "key.create", details: { identity: identity.name, keyId: created.id, label } });
  return { ...created, identity: identity.name, createdAt: created.createdAt.toISOString() };
}

export async function listKeysFor(db: Db, principal: TPrincipal, identityName: string) {
  const identity = await findIdentityByName(db, identityName);
  if (!principal.isAdmin && identity.id !== principal.identityId) throw new StowageError("FORBIDDEN", "you may only list your own keys");
  const keys = await db.apiKey.findMany({ where: { identityId: identity.id }, orderBy: { id: "desc" } });
  return keys.map((k) => ({
    id: k.id,
    label: k.label,
    prefix: k.prefix,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  }));
}

/** Revocation is immediate: the next request with the key is 401. */
export async function revokeKey(db: Db, principal: TPrincipal, keyId: string) {
  const key = await db.apiKey.findUnique({ where: { id: keyId } });
  if (!key || (!principal.isAdmin && key.identityId !== principal.identityId)) throw notFound("API key");
  if (key.revokedAt) return;
  await db.apiKey.update({ where: { id: keyId }, data: { revokedAt: new Date() } });
  await recordAuditEvent(db, { actor: principal, action: "key.revoke", details: { keyId, label: key.label } });
}
