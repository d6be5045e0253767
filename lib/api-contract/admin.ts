import { z } from "zod";
import { operation, type TOperation } from "./operation.ts";
import { ZCursor, ZLimit, ZNextCursor, ZTimeBound } from "./common.ts";

const ZInstant = z.iso.datetime();
const ZText = z.string().min(1).max(1024);

const IDENTITIES = "Identities and keys";
const GROUPS = "Groups";
const NAMESPACES = "Namespaces";

// Shapes the lib DTO mappers return (lib/admin/*, lib/artifacts/namespace-usage.ts), field for field.

const ZIdentity = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    kind: z.enum(["agent", "human"]),
    isAdmin: z.boolean(),
    email: z.string().nullable(),
    hasPassword: z
      .boolean()
      .meta({ description: "Whether it can sign in to the dashboard with a password (the hash never leaves the server)." }),
    namespace: z.string().meta({ description: "Its personal namespace, agent:<name>." }),
    createdAt: ZInstant,
    disabledAt: ZInstant.nullable(),
  })
  .meta({
    id: "Identity",
    description: "An agent or a person that calls the API.",
    example: {
      id: "01jf3z8k6v1q2w3e4r5t6y7u8i",
      name: "planner",
      kind: "agent",
      isAdmin: false,
      email: null,
      hasPassword: false,
      namespace: "agent:planner",
      createdAt: "2026-12-01T10:00:00.000Z",
      disabledAt: null,
    },
  });
const ZIdentityResponse = z.strictObject({ identity: ZIdentity }).meta({ id: "IdentityResponse" });

const ZApiKey = z
  .strictObject({
    id: z.string(),
    label: z.string(),
    prefix: z.string().meta({ description: "The key's first characters, to tell keys apart." }),
    createdAt: ZInstant,
    lastUsedAt: ZInstant.nullable(),
    revokedAt: ZInstant.nullable(),
  })
  .meta({ id: "ApiKey", description: "A key as listings show it: never the key itself." });

const ZCreatedApiKey = z
  .strictObject({
    id: z.string(),
    key: z.string().meta({ description: "The key: shown this once, only its hash is stored." }),
    prefix: z.string(),
    label: z.string(),
    createdAt: ZInstant,
    identity: z.string().meta({ description: "The identity's name." }),
  })
  .meta({
    id: "CreatedApiKey",
    example: {
      id: "01jf3z9a0b1c2d3e4f5g6h7j8k",
      key: "stw_3q2w1e4r5t6y7u8i9o0pAaSsDdFfGgHhJjKkLlZzXx",
      prefix: "stw_3q2w1e4r",
      label: "ci",
      createdAt: "2026-12-01T10:00:00.000Z",
      identity: "planner",
    },
  });

const ZGroup = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    namespace: z.string().meta({ description: "The namespace its members share, ring:<name>." }),
    members: z.array(z.string()).meta({ description: "Members' identity names, sorted." }),
    createdAt: ZInstant,
  })
  .meta({
    id: "Group",
    example: {
      id: "01jf3za1b2c3d4e5f6g7h8j9k0",
      name: "research",
      namespace: "ring:research",
      members: ["planner"],
      createdAt: "2026-12-01T10:00:00.000Z",
    },
  });

const ZNamespace = z
  .strictObject({ id: z.string(), name: z.string(), kind: z.enum(["agent", "ring", "custom"]), createdAt: ZInstant })
  .meta({
    id: "Namespace",
    example: { id: "01jf3zb1c2d3e4f5g6h7j8k9l0", name: "team:ml", kind: "custom", createdAt: "2026-12-01T10:00:00.000Z" },
  });
const ZNamespaceList = z.strictObject({ namespaces: z.array(ZNamespace) }).meta({ id: "NamespaceList" });

const ZGrant = z
  .strictObject({
    id: z.string(),
    namespace: z.string(),
    identity: z.string().nullable().meta({ description: "The identity granted access; null for a group's grant." }),
    group: z.string().nullable().meta({ description: "The group granted access; null for an identity's grant." }),
    permission: z.enum(["read", "write"]),
  })
  .meta({
    id: "Grant",
    example: { id: "01jf3zc1d2e3f4g5h6j7k8l9m0", namespace: "team:ml", identity: "planner", group: null, permission: "read" },
  });

const ZNamespaceUsage = z
  .strictObject({
    namespace: z.string(),
    usedBytes: z.number().int().min(0).meta({ description: "Bytes of the versions stored, until the sweep deletes expired ones." }),
    reservedBytes: z.number().int().min(0).meta({ description: "Bytes held for uploads in flight." }),
    quotaBytes: z.number().int().min(0).meta({ description: "The quota in force: the override, else the default." }),
    quotaOverride: z.boolean().meta({ description: "Whether an admin set this namespace's quota." }),
    retentionDays: z.number().int().nullable().meta({ description: "The namespace's retention override; null: the default." }),
    keepVersions: z
      .number()
      .int()
      .nullable()
      .meta({ description: "Versions kept per artifact, newest first (the latest and protected-alias ones always stay); null: no limit." }),
    artifactCount: z.number().int().min(0),
    versionCount: z.number().int().min(0),
  })
  .meta({
    id: "NamespaceUsage",
    example: {
      namespace: "team:ml",
      usedBytes: 1024,
      reservedBytes: 0,
      quotaBytes: 1073741824,
      quotaOverride: false,
      retentionDays: null,
      keepVersions: null,
      artifactCount: 2,
      versionCount: 3,
    },
  });

const ZAuditEvent = z
  .strictObject({
    id: z.string(),
    createdAt: ZInstant,
    action: z.string().meta({ description: "What happened, e.g. artifact.upload or key.revoke." }),
    actorId: z.string().nullable().meta({ description: "The identity's id; null for share links, download URLs and the system." }),
    actorName: z.string(),
    namespace: z.string().nullable(),
    artifactId: z.string().nullable(),
    version: z.number().int().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({
    id: "AuditEvent",
    example: {
      id: "01jf3zd1e2f3g4h5j6k7l8m9n0",
      createdAt: "2026-12-01T10:00:00.000Z",
      action: "artifact.upload",
      actorId: "01jf3z8k6v1q2w3e4r5t6y7u8i",
      actorName: "planner",
      namespace: "agent:planner",
      artifactId: "01jf3z8k6v1q2w3e4r5t6y7u8j",
      version: 0,
      details: { sizeBytes: 1024 },
    },
  });

const ZIdentityParams = z.strictObject({ name: z.string().meta({ description: "The identity's name." }) });
const ZGroupParams = z.strictObject({ name: z.string().meta({ description: "The group's name." }) });
const ZNamespaceParams = z.strictObject({
  namespace: z.string().meta({ description: "The namespace's name, e.g. team:ml (the colon may be percent-encoded)." }),
});

// Identities and keys

export const listIdentitiesOp = operation({
  id: "listIdentities",
  method: "GET",
  path: "/api/v1/identities",
  tag: IDENTITIES,
  summary: "Every identity, by name",
  auth: "admin",
  responses: {
    200: { description: "The identities.", schema: z.strictObject({ identities: z.array(ZIdentity) }).meta({ id: "IdentityList" }) },
  },
  errors: [],
});

export const createIdentityOp = operation({
  id: "createIdentity",
  method: "POST",
  path: "/api/v1/identities",
  tag: IDENTITIES,
  summary: "Create an identity with its agent:<name> namespace, optionally with dashboard sign-in",
  auth: "admin",
  body: {
    json: z.strictObject({
      name: z.string().min(1).max(63).meta({ description: "Lowercase letters, digits, '.', '_' or '-', starting with a letter or digit." }),
      kind: z.enum(["agent", "human"]).optional().meta({ description: "Defaults to agent." }),
      isAdmin: z.boolean().optional(),
      email: z.email().optional(),
      password: z.string().max(256).optional().meta({ description: "Dashboard sign-in (needs email); hashed, never stored or returned." }),
    }),
    example: { name: "planner", kind: "agent" },
  },
  responses: { 201: { description: "Created.", schema: ZIdentityResponse } },
  errors: ["ARTIFACT_VALIDATION_FAILED"],
});

export const updateIdentityOp = operation({
  id: "updateIdentity",
  method: "PATCH",
  path: "/api/v1/identities/{name}",
  tag: IDENTITIES,
  summary: "Change an identity's sign-in, admin flag or disabled state",
  description: "Admins cannot demote or disable themselves, and there is always at least one enabled admin.",
  auth: "admin",
  params: ZIdentityParams,
  body: {
    json: z.strictObject({
      email: z.email().optional(),
      password: z.string().max(256).optional().meta({ description: "Sets or resets dashboard sign-in; hashed, never stored or returned." }),
      isAdmin: z.boolean().optional(),
      disabled: z.boolean().optional().meta({ description: "Takes effect on the identity's next request." }),
    }),
    example: { disabled: true },
  },
  responses: { 200: { description: "The identity as it is now.", schema: ZIdentityResponse } },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NOT_FOUND"],
});

export const listIdentityKeysOp = operation({
  id: "listIdentityKeys",
  method: "GET",
  path: "/api/v1/identities/{name}/keys",
  tag: IDENTITIES,
  summary: "An identity's key prefixes and usage, never the keys (admin or self)",
  auth: "key",
  params: ZIdentityParams,
  responses: {
    200: { description: "The keys, newest first.", schema: z.strictObject({ keys: z.array(ZApiKey) }).meta({ id: "ApiKeyList" }) },
  },
  errors: ["FORBIDDEN", "ARTIFACT_NOT_FOUND"],
});

export const createIdentityKeyOp = operation({
  id: "createIdentityKey",
  method: "POST",
  path: "/api/v1/identities/{name}/keys",
  tag: IDENTITIES,
  summary: "A new key, returned this once (admin or self)",
  auth: "key",
  params: ZIdentityParams,
  body: { json: z.strictObject({ label: z.string().max(100).optional() }), optional: true, example: { label: "ci" } },
  responses: { 201: { description: "Created.", schema: z.strictObject({ key: ZCreatedApiKey }).meta({ id: "CreatedApiKeyResponse" }) } },
  errors: ["ARTIFACT_VALIDATION_FAILED", "FORBIDDEN", "ARTIFACT_NOT_FOUND"],
});

export const revokeKeyOp = operation({
  id: "revokeKey",
  method: "DELETE",
  path: "/api/v1/keys/{keyId}",
  tag: IDENTITIES,
  summary: "Revoke a key at once (admin or its owner)",
  description: "Another identity's key is answered like an unknown one (404).",
  auth: "key",
  params: z.strictObject({ keyId: z.string().meta({ description: "The key's id." }) }),
  responses: { 204: { description: "Revoked (or already was)." } },
  errors: ["ARTIFACT_NOT_FOUND"],
});

export const getMeOp = operation({
  id: "getMe",
  method: "GET",
  path: "/api/v1/me",
  tag: IDENTITIES,
  summary: "Who the caller is and which namespaces it can read",
  auth: "key",
  responses: {
    200: {
      description: "The caller.",
      schema: z
        .strictObject({
          identity: z.strictObject({ id: z.string(), name: z.string(), isAdmin: z.boolean(), namespace: z.string() }),
          namespaces: z.array(ZNamespace),
        })
        .meta({ id: "Me" }),
    },
  },
  errors: [],
});

// Groups

export const listGroupsOp = operation({
  id: "listGroups",
  method: "GET",
  path: "/api/v1/groups",
  tag: GROUPS,
  summary: "Groups and their members",
  auth: "admin",
  responses: {
    200: { description: "The groups, by name.", schema: z.strictObject({ groups: z.array(ZGroup) }).meta({ id: "GroupList" }) },
  },
  errors: [],
});

export const createGroupOp = operation({
  id: "createGroup",
  method: "POST",
  path: "/api/v1/groups",
  tag: GROUPS,
  summary: "Create a group; its members share ring:<name>",
  auth: "admin",
  body: { json: z.strictObject({ name: z.string().min(1).max(63) }), example: { name: "research" } },
  responses: { 201: { description: "Created.", schema: z.strictObject({ group: ZGroup }).meta({ id: "GroupResponse" }) } },
  errors: ["ARTIFACT_VALIDATION_FAILED"],
});

export const addGroupMemberOp = operation({
  id: "addGroupMember",
  method: "POST",
  path: "/api/v1/groups/{name}/members",
  tag: GROUPS,
  summary: "Add an identity to the group",
  auth: "admin",
  params: ZGroupParams,
  body: {
    json: z.strictObject({ identity: z.string().min(1).meta({ description: "The identity's name." }) }),
    example: { identity: "planner" },
  },
  responses: { 204: { description: "A member (again adding one changes nothing)." } },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NOT_FOUND"],
});

export const removeGroupMemberOp = operation({
  id: "removeGroupMember",
  method: "DELETE",
  path: "/api/v1/groups/{name}/members/{identity}",
  tag: GROUPS,
  summary: "Remove a member",
  auth: "admin",
  params: z.strictObject({
    name: z.string().meta({ description: "The group's name." }),
    identity: z.string().meta({ description: "The member's name." }),
  }),
  responses: { 204: { description: "Removed." } },
  errors: ["ARTIFACT_NOT_FOUND"],
});

// Namespaces

export const listNamespacesOp = operation({
  id: "listNamespaces",
  method: "GET",
  path: "/api/v1/namespaces",
  tag: NAMESPACES,
  summary: "The namespaces the caller can read (all, for admins)",
  auth: "key",
  responses: { 200: { description: "The namespaces, by name.", schema: ZNamespaceList } },
  errors: [],
});

export const createNamespaceOp = operation({
  id: "createNamespace",
  method: "POST",
  path: "/api/v1/namespaces",
  tag: NAMESPACES,
  summary: "Create a custom namespace such as team:ml",
  description: "agent: and ring: namespaces come with their identity or group.",
  auth: "admin",
  body: { json: z.strictObject({ name: z.string().min(1).max(100) }), example: { name: "team:ml" } },
  responses: { 201: { description: "Created.", schema: z.strictObject({ namespace: ZNamespace }).meta({ id: "NamespaceResponse" }) } },
  errors: ["ARTIFACT_VALIDATION_FAILED"],
});

export const getNamespaceOp = operation({
  id: "getNamespace",
  method: "GET",
  path: "/api/v1/namespaces/{namespace}",
  tag: NAMESPACES,
  summary: "The namespace's usage, quota and retention",
  auth: "key",
  params: ZNamespaceParams,
  responses: { 200: { description: "The namespace's usage.", schema: ZNamespaceUsage } },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NAMESPACE_DENIED", "ARTIFACT_NOT_FOUND"],
});

export const updateNamespaceSettingsOp = operation({
  id: "updateNamespaceSettings",
  method: "PATCH",
  path: "/api/v1/namespaces/{namespace}",
  tag: NAMESPACES,
  summary: "Set the namespace's quota and retention overrides (null: the default)",
  description:
    "A lower quota deletes nothing: uploads stop until usage is under it again. A retention change applies at once; a keepVersions change at the next sweep (GET …/retention/preview shows what it would remove). Audited as quota.change.",
  auth: "admin",
  params: ZNamespaceParams,
  body: {
    // Numbers only here: lib/quota/update-namespace-settings.ts checks the ranges with messages naming the field.
    json: z.strictObject({
      quotaBytes: z.number().nullable().optional().meta({ description: "A whole number of bytes, 0 or more; null: the default." }),
      retentionDays: z.number().nullable().optional().meta({ description: "Days after the last update, 1 to 36500; null: the default." }),
      keepVersions: z
        .number()
        .nullable()
        .optional()
        .meta({ description: "Versions kept per artifact, 1 to 10000, newest first; older ones go at the next sweep. null: no limit." }),
    }),
    example: { quotaBytes: 1073741824, retentionDays: 30, keepVersions: 10 },
  },
  responses: { 200: { description: "The namespace's usage with the new settings.", schema: ZNamespaceUsage } },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NOT_FOUND"],
});

export const getNamespaceUsageOp = operation({
  id: "getNamespaceUsage",
  method: "GET",
  path: "/api/v1/namespaces/{namespace}/usage",
  tag: NAMESPACES,
  summary: "Bytes stored and held, the quota, counts",
  auth: "key",
  params: ZNamespaceParams,
  responses: { 200: { description: "The namespace's usage.", schema: ZNamespaceUsage } },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NAMESPACE_DENIED", "ARTIFACT_NOT_FOUND"],
});

export const listGrantsOp = operation({
  id: "listGrants",
  method: "GET",
  path: "/api/v1/namespaces/{namespace}/grants",
  tag: NAMESPACES,
  summary: "Who has been granted access to the namespace",
  auth: "admin",
  params: ZNamespaceParams,
  responses: { 200: { description: "The grants.", schema: z.strictObject({ grants: z.array(ZGrant) }).meta({ id: "GrantList" }) } },
  errors: ["ARTIFACT_NOT_FOUND"],
});

export const createGrantOp = operation({
  id: "createGrant",
  method: "POST",
  path: "/api/v1/namespaces/{namespace}/grants",
  tag: NAMESPACES,
  summary: "Grant read or write to an identity or a group (or change its permission)",
  auth: "admin",
  params: ZNamespaceParams,
  body: {
    // Exactly one of identity or group: checked by lib/admin/namespaces.ts.
    json: z.strictObject({
      identity: z.string().min(1).optional().meta({ description: "An identity's name (or give group)." }),
      group: z.string().min(1).optional().meta({ description: "A group's name (or give identity)." }),
      permission: z.enum(["read", "write"]),
    }),
    example: { identity: "planner", permission: "read" },
  },
  responses: { 201: { description: "The grant as it is now.", schema: z.strictObject({ grant: ZGrant }).meta({ id: "GrantResponse" }) } },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NOT_FOUND"],
});

export const revokeGrantOp = operation({
  id: "revokeGrant",
  method: "DELETE",
  path: "/api/v1/namespaces/{namespace}/grants/{grantId}",
  tag: NAMESPACES,
  summary: "Revoke a grant",
  auth: "admin",
  params: ZNamespaceParams.extend({ grantId: z.string().meta({ description: "The grant's id." }) }),
  responses: { 204: { description: "Revoked." } },
  errors: ["ARTIFACT_NOT_FOUND"],
});

// Audit

export const listAuditEventsOp = operation({
  id: "listAuditEvents",
  method: "GET",
  path: "/api/v1/audit",
  tag: "Audit",
  summary: "Who did what and when, newest first",
  description: "Filters combine with AND.",
  auth: "admin",
  query: z.strictObject({
    action: ZText.optional().meta({ description: "One action, e.g. artifact.upload." }),
    actor: ZText.optional().meta({ description: "An identity's name." }),
    namespace: ZText.optional(),
    artifactId: ZText.optional(),
    from: ZTimeBound("from", "At or after (inclusive)"),
    to: ZTimeBound("to", "Before (exclusive)"),
    limit: ZLimit,
    cursor: ZCursor,
  }),
  responses: {
    200: {
      description: "A page of events.",
      schema: z.strictObject({ events: z.array(ZAuditEvent), nextCursor: ZNextCursor }).meta({ id: "AuditEventPage" }),
    },
  },
  errors: ["ARTIFACT_VALIDATION_FAILED"],
});

export const ADMIN_OPERATIONS: TOperation[] = [
  listIdentitiesOp,
  createIdentityOp,
  updateIdentityOp,
  listIdentityKeysOp,
  createIdentityKeyOp,
  revokeKeyOp,
  getMeOp,
  listGroupsOp,
  createGroupOp,
  addGroupMemberOp,
  removeGroupMemberOp,
  listNamespacesOp,
  createNamespaceOp,
  getNamespaceOp,
  updateNamespaceSettingsOp,
  getNamespaceUsageOp,
  listGrantsOp,
  createGrantOp,
  revokeGrantOp,
  listAuditEventsOp,
];
