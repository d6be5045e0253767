import { z } from "zod";
import { operation, type TOperation } from "./operation.ts";
import { ZAliasName } from "./aliases.ts";
import { CONTENT_REQUEST_HEADERS, contentResponses, ZArtifact, ZCursor, ZIdParams, ZLimit, ZNextCursor } from "./common.ts";

const TAG = "Sharing";
const ZInstant = z.iso.datetime();

export const ZShareRequest = z.strictObject({
  expiresIn: z.number().int().optional().meta({ description: "Seconds, 60 to SHARE_URL_MAX_SECONDS (default one hour)." }),
  version: z.number().int().min(0).max(2_147_483_647).optional().meta({ description: "The version to share; the latest when left out." }),
  alias: ZAliasName.optional().meta({ description: "An alias: share the version it points to now (the link stays on that version)." }),
});

const ZNewShareLink = z
  .strictObject({
    id: z.string(),
    url: z.string().meta({ description: "The link: GET or HEAD it without credentials." }),
    expiresAt: ZInstant,
    version: z.number().int().min(0),
    directUrl: z.string().optional().meta({ description: "Bytes in S3: a presigned S3 URL too (cannot be revoked, at most 7 days)." }),
    directUrlExpiresAt: ZInstant.optional(),
  })
  .meta({
    id: "NewShareLink",
    example: {
      id: "01jf3z9a0b1c2d3e4f5g6h7j8k",
      url: "https://stowage.example/api/v1/share/01jf3z9a0b1c2d3e4f5g6h7j8k.2Yp0…",
      expiresAt: "2026-12-01T11:00:00.000Z",
      version: 1,
    },
  });

const ZShareLink = z
  .strictObject({
    id: z.string(),
    artifactId: z.string(),
    version: z.number().int().min(0),
    status: z.enum(["active", "expired", "revoked"]),
    expiresAt: ZInstant,
    // Names, not ids: null once the identity is gone.
    createdBy: z.string().nullable(),
    createdAt: ZInstant,
    revokedAt: ZInstant.nullable(),
    revokedBy: z.string().nullable(),
  })
  .meta({ id: "ShareLink", description: "A share link as listed: never its token." });

const ZShare = z
  .strictObject({
    id: z.string(),
    artifactId: z.string(),
    identity: z.string().nullable().meta({ description: "The identity it is shared with (null for a group, or once deleted)." }),
    group: z.string().nullable().meta({ description: "The group it is shared with (null for an identity, or once deleted)." }),
    createdBy: z.string().nullable(),
    createdAt: ZInstant,
  })
  .meta({ id: "Share", description: "An artifact shared with one identity or group (read access to every version)." });

const ZShareResponse = z.strictObject({ share: ZShare }).meta({ id: "ShareResponse" });

export const createShareLinkOp = operation({
  id: "createShareLink",
  method: "POST",
  path: "/api/v1/artifacts/{id}/share",
  tag: TAG,
  summary: "A time-limited, revocable link to one version that needs no key",
  auth: "key",
  params: ZIdParams,
  body: { json: ZShareRequest, optional: true, example: { version: 0, expiresIn: 600 } },
  responses: { 201: { description: "The link.", schema: ZNewShareLink } },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NOT_FOUND"],
});

export const listShareLinksOp = operation({
  id: "listShareLinks",
  method: "GET",
  path: "/api/v1/artifacts/{id}/share-links",
  tag: TAG,
  summary: "The artifact's share links with their status, newest first",
  description: "Those who may manage the artifact's links see all of them; other readers see the links they made.",
  auth: "key",
  params: ZIdParams,
  query: z.strictObject({ limit: ZLimit, cursor: ZCursor }),
  responses: {
    200: {
      description: "A page of links.",
      schema: z.strictObject({ links: z.array(ZShareLink), nextCursor: ZNextCursor }).meta({ id: "ShareLinkPage" }),
    },
  },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NOT_FOUND"],
});

export const revokeShareLinkOp = operation({
  id: "revokeShareLink",
  method: "DELETE",
  path: "/api/v1/share-links/{linkId}",
  tag: TAG,
  summary: "Revoke a share link: it stops working at once",
  description: "The link's creator, the artifact's owner, writers of its namespace and admins may; revoking again is a no-op.",
  auth: "key",
  params: z.strictObject({ linkId: z.string().meta({ description: "The link's id." }) }),
  responses: { 204: { description: "Revoked." } },
  errors: ["ARTIFACT_NAMESPACE_DENIED", "ARTIFACT_NOT_FOUND"],
});

export const listArtifactSharesOp = operation({
  id: "listArtifactShares",
  method: "GET",
  path: "/api/v1/artifacts/{id}/shares",
  tag: TAG,
  summary: "Who the artifact is shared with, oldest first (write access)",
  auth: "key",
  params: ZIdParams,
  responses: { 200: { description: "The shares.", schema: z.strictObject({ shares: z.array(ZShare) }).meta({ id: "ShareList" }) } },
  errors: ["ARTIFACT_NAMESPACE_DENIED", "ARTIFACT_NOT_FOUND"],
});

export const shareArtifactOp = operation({
  id: "shareArtifact",
  method: "POST",
  path: "/api/v1/artifacts/{id}/shares",
  tag: TAG,
  summary: "Let one identity or one group read the artifact (write access)",
  auth: "key",
  params: ZIdParams,
  body: {
    json: z.strictObject({
      identity: z.string().min(1).max(200).optional().meta({ description: "An identity's name." }),
      group: z.string().min(1).max(200).optional().meta({ description: "A group's name." }),
    }),
    example: { identity: "reviewer" },
  },
  responses: {
    201: { description: "Shared.", schema: ZShareResponse },
    200: { description: "Already shared with that identity or group: the existing share.", schema: ZShareResponse },
  },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NAMESPACE_DENIED", "ARTIFACT_NOT_FOUND"],
});

export const unshareArtifactOp = operation({
  id: "unshareArtifact",
  method: "DELETE",
  path: "/api/v1/artifacts/{id}/shares/{shareId}",
  tag: TAG,
  summary: "Unshare: its recipients lose access at once (write access)",
  auth: "key",
  params: z.strictObject({
    id: z.string().meta({ description: "The artifact's id." }),
    shareId: z.string().meta({ description: "The share's id." }),
  }),
  responses: { 204: { description: "Unshared." } },
  errors: ["ARTIFACT_NAMESPACE_DENIED", "ARTIFACT_NOT_FOUND"],
});

export const listSharedWithMeOp = operation({
  id: "listSharedWithMe",
  method: "GET",
  path: "/api/v1/shared-with-me",
  tag: TAG,
  summary: "Artifacts shared with the caller or one of its groups, newest first",
  auth: "key",
  query: z.strictObject({ limit: ZLimit, cursor: ZCursor }),
  responses: {
    200: {
      description: "A page of artifacts, each with its latest version and the shares that reach the caller.",
      schema: z
        .strictObject({
          artifacts: z.array(ZArtifact.extend({ sharedWithMe: z.array(ZShare) }).meta({ id: "SharedArtifact" })),
          nextCursor: ZNextCursor,
        })
        .meta({ id: "SharedArtifactPage" }),
    },
  },
  errors: ["ARTIFACT_VALIDATION_FAILED"],
});

// The path's token is the credential; errors never say more than that it is not valid.
const sharedContentOperation = (method: "GET" | "HEAD") =>
  operation({
    id: method === "GET" ? "getSharedContent" : "headSharedContent",
    method,
    path: "/api/v1/share/{token}",
    tag: TAG,
    summary: method === "GET" ? "A share link's (or download URL's) bytes, streamed" : "A share link's headers without its bytes",
    auth: "public",
    params: z.strictObject({ token: z.string().meta({ description: "The signed token of a share link or download URL." }) }),
    headers: CONTENT_REQUEST_HEADERS,
    responses: contentResponses("Bytes in S3: a presigned URL in Location that does not outlive the link."),
    errors: [
      "ARTIFACT_VALIDATION_FAILED",
      "ARTIFACT_SHARE_LINK_INVALID",
      "ARTIFACT_NOT_FOUND",
      "ARTIFACT_RANGE_NOT_SATISFIABLE",
      "ARTIFACT_STORAGE_UNAVAILABLE",
    ],
  });
export const getSharedContentOp = sharedContentOperation("GET");
export const headSharedContentOp = sharedContentOperation("HEAD");

export const SHARING_OPERATIONS: TOperation[] = [
  createShareLinkOp,
  listShareLinksOp,
  revokeShareLinkOp,
  listArtifactSharesOp,
  shareArtifactOp,
  unshareArtifactOp,
  listSharedWithMeOp,
  getSharedContentOp,
  headSharedContentOp,
];
