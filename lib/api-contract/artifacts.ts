import { z } from "zod";
import { ZAliasQuery } from "./aliases.ts";
import { operation } from "./operation.ts";
import {
  CONTENT_REQUEST_HEADERS,
  contentResponses,
  ZArtifact,
  ZCursor,
  ZExpiresAtInput,
  ZIdParams,
  ZLimit,
  ZNextCursor,
  ZVersion,
  ZVersionNumber,
  VERSION_RESPONSE_HEADERS,
} from "./common.ts";
import type { ErrorCode } from "../errors.ts";
import { PRODUCER_HEADERS, RUN_READ_HEADER } from "./lineage.ts";
import { PUBLISH_TEXT_FIELDS } from "./publish-fields.ts";

const ZText = z.string().min(1).max(1024);
const TAG = "Artifacts";

/** What a publish answers, through the server or as a direct upload's completion. */
export const ZPublished = z.strictObject({ artifact: ZArtifact, version: ZVersion }).meta({ id: "Published" });
const ZArtifactResponse = z.strictObject({ artifact: ZArtifact }).meta({ id: "ArtifactResponse" });

export const listArtifactsOp = operation({
  id: "listArtifacts",
  method: "GET",
  path: "/api/v1/artifacts",
  tag: TAG,
  summary: "List artifacts the caller can read, newest first",
  auth: "key",
  query: z.strictObject({
    namespace: ZText.optional().meta({ description: "Only this namespace." }),
    sessionId: ZText.optional().meta({ description: "Only artifacts of this session (needs namespace)." }),
    runId: ZText.optional().meta({ description: "Only artifacts a version of which this run published." }),
    tag: ZText.optional().meta({ description: "Only artifacts with this tag." }),
    name: ZText.optional().meta({ description: "Only names starting with this prefix." }),
    limit: ZLimit,
    cursor: ZCursor,
  }),
  queryPrefixes: [
    { prefix: "metadata.", description: "`metadata.<key>=<value>`: only artifacts whose metadata has this entry (repeatable)." },
  ],
  responses: {
    200: {
      description: "A page of artifacts, each with its latest version.",
      schema: z.strictObject({ artifacts: z.array(ZArtifact), nextCursor: ZNextCursor }).meta({ id: "ArtifactPage" }),
    },
  },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NAMESPACE_DENIED", "ARTIFACT_NOT_FOUND"],
});

export const lookupArtifactOp = operation({
  id: "lookupArtifact",
  method: "GET",
  path: "/api/v1/artifacts/lookup",
  tag: TAG,
  summary: "Find one artifact by namespace, session and exact name",
  description: "Clients know names, not ids: this answers the same as GET /api/v1/artifacts/{id} in one request.",
  auth: "key",
  query: z.strictObject({
    namespace: ZText.meta({ description: "The artifact's namespace." }),
    name: ZText.meta({ description: "The exact name (may contain /)." }),
    sessionId: ZText.optional().meta({ description: "The session it belongs to; leave out for one outside any session." }),
  }),
  responses: { 200: { description: "The artifact with its latest version.", schema: ZArtifactResponse } },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NAMESPACE_DENIED", "ARTIFACT_NOT_FOUND"],
});

export const uploadArtifactOp = operation({
  id: "uploadArtifact",
  method: "POST",
  path: "/api/v1/artifacts",
  tag: TAG,
  summary: "Publish a new version (multipart or a raw body)",
  description:
    "The same (namespace, session, name) again publishes the next version. Multipart fields may come before or after the file. A raw body takes its fields from the query and its type from Content-Type.",
  auth: "key",
  // A raw body's fields, or multipart fields given in the query instead of the form.
  query: z.strictObject(PUBLISH_TEXT_FIELDS).partial(),
  headers: {
    "Idempotency-Key":
      "A retry with the same key and the same request answers the first result (200, Idempotent-Replayed: true) instead of publishing again.",
    "If-Match": "Publish only if the latest version is this number (else 412).",
    "If-None-Match":
      "`*`: publish only if the artifact does not exist yet (else 412). `\"<sha256>\"` (the bytes' quoted sha256): publish only if they differ from the latest version's, as skipIfUnchanged does; when they are the same already, the body is not stored.",
    ...PRODUCER_HEADERS,
  },
  body: {
    multipart: z
      .strictObject({ file: z.string().meta({ format: "binary" }), ...PUBLISH_TEXT_FIELDS })
      .partial()
      .required({ file: true, namespace: true }),
    raw: "The bytes themselves, with the fields in the query and their type in Content-Type.",
  },
  responses: {
    201: { description: "Published.", schema: ZPublished, headers: { Location: "The version's URL.", ETag: "The bytes' sha256." } },
    200: {
      description:
        "An Idempotency-Key replay (Idempotent-Replayed: true): the first publish's result; or bytes unchanged with skipIfUnchanged (Stowage-Unchanged: true): the latest version, and nothing published, charged or changed.",
      schema: ZPublished,
      headers: { "Stowage-Unchanged": "true when nothing was published because the bytes were the latest version's." },
    },
  },
  errors: [
    "ARTIFACT_VALIDATION_FAILED",
    "ARTIFACT_NAMESPACE_DENIED",
    "ARTIFACT_NOT_FOUND",
    "ARTIFACT_VERSION_CONFLICT",
    "ARTIFACT_IDEMPOTENCY_KEY_REUSED",
    "ARTIFACT_QUOTA_EXCEEDED",
    "ARTIFACT_TOO_LARGE",
    "ARTIFACT_STORAGE_UNAVAILABLE",
  ],
});

export const getArtifactOp = operation({
  id: "getArtifact",
  method: "GET",
  path: "/api/v1/artifacts/{id}",
  tag: TAG,
  summary: "An artifact with its latest version",
  auth: "key",
  params: ZIdParams,
  responses: { 200: { description: "The artifact.", schema: ZArtifactResponse } },
  errors: ["ARTIFACT_NOT_FOUND"],
});

export const updateArtifactOp = operation({
  id: "updateArtifact",
  method: "PATCH",
  path: "/api/v1/artifacts/{id}",
  tag: TAG,
  summary: "Replace the tags, set or clear expiresAt",
  auth: "key",
  params: ZIdParams,
  body: {
    json: z.strictObject({
      tags: z.array(z.string()).optional(),
      expiresAt: ZExpiresAtInput.nullable()
        .optional()
        .meta({ description: "An ISO 8601 instant with a zone, in the future, or null to clear." }),
    }),
    example: { tags: ["report", "final"], expiresAt: "2030-01-01T00:00:00Z" },
  },
  responses: { 200: { description: "The artifact as it is now.", schema: ZArtifactResponse } },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NAMESPACE_DENIED", "ARTIFACT_NOT_FOUND"],
});

export const deleteArtifactOp = operation({
  id: "deleteArtifact",
  method: "DELETE",
  path: "/api/v1/artifacts/{id}",
  tag: TAG,
  summary: "Delete every version (owner or admin)",
  auth: "key",
  params: ZIdParams,
  responses: { 204: { description: "Deleted; its bytes are released from the quota." } },
  errors: ["ARTIFACT_NAMESPACE_DENIED", "ARTIFACT_NOT_FOUND", "ARTIFACT_VERSION_PROTECTED"],
});

const contentQuery = z.strictObject({
  version: ZVersionNumber.optional().meta({ description: "A version number; the latest when left out." }),
  alias: ZAliasQuery,
  download: z.enum(["0", "1"]).optional().meta({ description: "1: Content-Disposition: attachment." }),
  runId: z.string().min(1).max(255).optional().meta({ description: "The reading run (as X-Stowage-Run)." }),
});
const contentErrors: ErrorCode[] = [
  "ARTIFACT_VALIDATION_FAILED",
  "ARTIFACT_NOT_FOUND",
  "ARTIFACT_RANGE_NOT_SATISFIABLE",
  "ARTIFACT_STORAGE_UNAVAILABLE",
];
const contentOperation = (method: "GET" | "HEAD") =>
  operation({
    id: method === "GET" ? "getArtifactContent" : "headArtifactContent",
    method,
    path: "/api/v1/artifacts/{id}/content",
    tag: TAG,
    summary: method === "GET" ? "A version's bytes, streamed" : "A version's headers without its bytes",
    auth: "key",
    params: ZIdParams,
    query: contentQuery,
    headers: { ...CONTENT_REQUEST_HEADERS, ...RUN_READ_HEADER },
    responses: contentResponses("Bytes in S3: a presigned URL in Location.", VERSION_RESPONSE_HEADERS),
    errors: contentErrors,
  });
export const getArtifactContentOp = contentOperation("GET");
export const headArtifactContentOp = contentOperation("HEAD");

const contentByNameOperation = (method: "GET" | "HEAD") =>
  operation({
    id: method === "GET" ? "getArtifactContentByName" : "headArtifactContentByName",
    method,
    path: "/api/v1/artifacts/lookup/content",
    tag: TAG,
    summary: method === "GET" ? "A version's bytes, found by namespace, session and exact name" : "The same headers without the bytes",
    description:
      "Lookup and content in one request: the version it answers with is in the Stowage-Version headers (with the bytes in S3, on the 302).",
    auth: "key",
    query: lookupArtifactOp.query!.extend(contentQuery.shape),
    headers: { ...CONTENT_REQUEST_HEADERS, ...RUN_READ_HEADER },
    responses: contentResponses("Bytes in S3: a presigned URL in Location.", VERSION_RESPONSE_HEADERS),
    errors: ["ARTIFACT_NAMESPACE_DENIED", ...contentErrors],
  });
export const getArtifactContentByNameOp = contentByNameOperation("GET");
export const headArtifactContentByNameOp = contentByNameOperation("HEAD");

export const listVersionsOp = operation({
  id: "listVersions",
  method: "GET",
  path: "/api/v1/artifacts/{id}/versions",
  tag: TAG,
  summary: "Version history, newest first",
  auth: "key",
  params: ZIdParams,
  query: z.strictObject({ limit: ZLimit, cursor: ZCursor }),
  responses: {
    200: {
      description: "A page of versions.",
      schema: z.strictObject({ versions: z.array(ZVersion), nextCursor: ZNextCursor }).meta({ id: "VersionPage" }),
    },
  },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NOT_FOUND"],
});

const ZVersionParams = z.strictObject({ id: z.string().meta({ description: "The artifact's id." }), version: ZVersionNumber });

export const getVersionOp = operation({
  id: "getVersion",
  method: "GET",
  path: "/api/v1/artifacts/{id}/versions/{version}",
  tag: TAG,
  summary: "One version's metadata",
  auth: "key",
  params: ZVersionParams,
  responses: { 200: { description: "The version.", schema: z.strictObject({ version: ZVersion }).meta({ id: "VersionResponse" }) } },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NOT_FOUND"],
});

export const deleteVersionOp = operation({
  id: "deleteVersion",
  method: "DELETE",
  path: "/api/v1/artifacts/{id}/versions/{version}",
  tag: TAG,
  summary: "Delete one version (owner or admin)",
  auth: "key",
  params: ZVersionParams,
  responses: { 204: { description: "Deleted." } },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NAMESPACE_DENIED", "ARTIFACT_NOT_FOUND", "ARTIFACT_VERSION_PROTECTED"],
});

export const getDownloadUrlOp = operation({
  id: "getDownloadUrl",
  method: "GET",
  path: "/api/v1/artifacts/{id}/url",
  tag: TAG,
  summary: "A URL to a version's bytes that works without credentials until it expires",
  description: "A presigned S3 URL when the bytes are in S3, else a signed Stowage URL.",
  auth: "key",
  params: ZIdParams,
  query: z.strictObject({
    version: ZVersionNumber.optional(),
    alias: ZAliasQuery,
    expiresIn: z
      .string()
      .regex(/^\d{1,9}$/, "expiresIn must be a number of seconds")
      .optional()
      .meta({ description: "Seconds (bounded by PRESIGNED_URL_EXPIRY_SECONDS)." }),
    download: z.enum(["0", "1"]).optional(),
  }),
  responses: {
    200: {
      description: "The URL.",
      schema: z
        .object({ url: z.string(), expiresAt: z.iso.datetime(), version: z.number().int(), delivery: z.string() })
        .meta({ id: "DownloadUrl" }),
    },
  },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NOT_FOUND", "ARTIFACT_STORAGE_UNAVAILABLE"],
});

export const ARTIFACT_OPERATIONS = [
  listArtifactsOp,
  lookupArtifactOp,
  uploadArtifactOp,
  getArtifactOp,
  updateArtifactOp,
  deleteArtifactOp,
  getArtifactContentOp,
  headArtifactContentOp,
  getArtifactContentByNameOp,
  headArtifactContentByNameOp,
  listVersionsOp,
  getVersionOp,
  deleteVersionOp,
  getDownloadUrlOp,
];
