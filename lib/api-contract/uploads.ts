import { z } from "zod";
import { operation, type TOperation } from "./operation.ts";
import { ZPublished } from "./artifacts.ts";
import { PRODUCER_HEADERS } from "./lineage.ts";
import { PUBLISH_JSON_FIELDS } from "./publish-fields.ts";

const TAG = "Direct uploads";
const ZInstant = z.iso.datetime();

const ZUploadParams = z.strictObject({ id: z.string().meta({ description: "The upload's id." }) });

const ZDirectUpload = z
  .strictObject({
    id: z.string(),
    status: z.enum(["pending", "completing", "completed", "aborted", "expired", "failed"]),
    namespace: z.string(),
    name: z.string(),
    sizeBytes: z.number().int().min(1),
    partSize: z.number().int().min(1),
    partCount: z.number().int().min(1),
    sha256: z.string().nullable().meta({ description: "The sha256 the client declared, if it did." }),
    createdAt: ZInstant,
    expiresAt: ZInstant.meta({ description: "Parts can be sent until then." }),
    completedAt: ZInstant.nullable(),
    artifactId: z.string().nullable().meta({ description: "Once completed: the artifact published." }),
    version: z.number().int().min(0).nullable().meta({ description: "Once completed: the version published." }),
    failure: z.string().nullable().meta({ description: "Why the upload failed, when it did." }),
    parts: z
      .array(z.strictObject({ partNumber: z.number().int().min(1), size: z.number().int().min(0) }))
      .optional()
      .meta({ description: "GET of a pending upload: the parts stored so far (to resume)." }),
  })
  .meta({
    id: "DirectUpload",
    example: {
      id: "01jf3zb7c8d9e0f1g2h3j4k5m6",
      status: "pending",
      namespace: "agent:planner",
      name: "datasets/big.parquet",
      sizeBytes: 52428800,
      partSize: 16777216,
      partCount: 4,
      sha256: null,
      createdAt: "2026-12-01T10:00:00.000Z",
      expiresAt: "2026-12-02T10:00:00.000Z",
      completedAt: null,
      artifactId: null,
      version: null,
      failure: null,
    },
  });

export const startUploadOp = operation({
  id: "startUpload",
  method: "POST",
  path: "/api/v1/uploads",
  tag: TAG,
  summary: "Open a direct upload of a large file sent in parts (up to 100 GB)",
  description:
    "Access, fields, size and preconditions are checked now and the whole size is held against the quota; nothing is published until the upload is completed.",
  auth: "key",
  headers: {
    "Idempotency-Key": "Applied when the upload is completed, as on POST /api/v1/artifacts.",
    "If-Match": "Publish only if the latest version is this number (else 412).",
    "If-None-Match":
      "`*`: publish only if the artifact does not exist yet (else 412). `\"<sha256>\"` (the bytes' quoted sha256): publish only if they differ from the latest version's, as skipIfUnchanged does; when they are the same already, the body is not stored.",
    ...PRODUCER_HEADERS,
  },
  body: {
    json: z
      .strictObject({
        ...PUBLISH_JSON_FIELDS,
        filename: z.string().max(4096).meta({ description: "The file's own name: the download name, and the name when name is left out." }),
        contentType: z.string().max(255),
        size: z.number().int().meta({ description: "The file's size in bytes (at least 1)." }),
        sha256: z.string().meta({ description: "The bytes' sha256 (64 lowercase hex digits), checked on completion." }),
        partSize: z.number().int().meta({ description: "5 MiB to 5 GiB; chosen for you when left out." }),
      })
      .partial()
      .required({ namespace: true, size: true }),
    example: { namespace: "agent:planner", name: "datasets/big.parquet", size: 52428800 },
  },
  responses: { 201: { description: "Opened.", schema: ZDirectUpload, headers: { Location: "The upload's URL." } } },
  errors: [
    "ARTIFACT_VALIDATION_FAILED",
    "ARTIFACT_NAMESPACE_DENIED",
    "ARTIFACT_NOT_FOUND",
    "ARTIFACT_VERSION_CONFLICT",
    "ARTIFACT_QUOTA_EXCEEDED",
    "ARTIFACT_TOO_LARGE",
    "ARTIFACT_STORAGE_UNAVAILABLE",
  ],
});

export const getUploadOp = operation({
  id: "getUpload",
  method: "GET",
  path: "/api/v1/uploads/{id}",
  tag: TAG,
  summary: "An upload's state, and the parts stored so far (to resume)",
  auth: "key",
  params: ZUploadParams,
  responses: { 200: { description: "The upload.", schema: ZDirectUpload } },
  errors: ["ARTIFACT_NOT_FOUND", "ARTIFACT_STORAGE_UNAVAILABLE"],
});

export const abortUploadOp = operation({
  id: "abortUpload",
  method: "DELETE",
  path: "/api/v1/uploads/{id}",
  tag: TAG,
  summary: "Abort an upload: its parts are discarded (again is fine)",
  auth: "key",
  params: ZUploadParams,
  responses: { 200: { description: "The upload as it is now.", schema: ZDirectUpload } },
  errors: ["ARTIFACT_NOT_FOUND", "ARTIFACT_UPLOAD_CLOSED"],
});

export const getPartUrlsOp = operation({
  id: "getPartUrls",
  method: "POST",
  path: "/api/v1/uploads/{id}/parts",
  tag: TAG,
  summary: "Where to PUT each part",
  description:
    "Presigned S3 URLs when the bytes go to S3, else signed URLs of PUT /api/v1/uploads/{id}/parts/{n}. The URL is the credential: send no Authorization header there.",
  auth: "key",
  params: ZUploadParams,
  body: {
    json: z.strictObject({ partNumbers: z.array(z.number().int()).min(1).max(1000).meta({ description: "1 to partCount." }) }),
    example: { partNumbers: [1, 2, 3] },
  },
  responses: {
    200: {
      description: "One URL per part, in part order (duplicates once).",
      schema: z
        .strictObject({
          expiresAt: ZInstant,
          parts: z.array(
            z.strictObject({
              partNumber: z.number().int().min(1),
              url: z.string(),
              method: z.literal("PUT"),
              size: z.number().int().min(0).meta({ description: "The part must be exactly this many bytes." }),
            }),
          ),
        })
        .meta({ id: "PartUrls" }),
    },
  },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NOT_FOUND", "ARTIFACT_UPLOAD_CLOSED"],
});

export const uploadPartOp = operation({
  id: "uploadPart",
  method: "PUT",
  path: "/api/v1/uploads/{id}/parts/{n}",
  tag: TAG,
  summary: "Send one part through Stowage (backends that cannot take parts directly, e.g. the filesystem)",
  description: "Use the URL from getPartUrls as it is; sending a part again replaces it.",
  auth: "public",
  params: z.strictObject({
    id: z.string().meta({ description: "The upload's id." }),
    n: z.string().meta({ description: "The part number, from 1.", example: "1" }),
  }),
  // Documented only: the route reads these itself, because any fault in a part URL answers 403
  // ARTIFACT_SHARE_LINK_INVALID (never a 400 that would tell a forger which part was wrong).
  query: z.looseObject({
    expires: z.string().meta({ description: "When the URL expires (Unix seconds)." }),
    signature: z.string().meta({ description: "The URL's signature." }),
  }),
  headers: { "Content-Length": "Required: exactly the part's size." },
  body: { raw: "The part's bytes." },
  responses: {
    200: {
      description: "Stored.",
      schema: z.strictObject({ partNumber: z.number().int().min(1), size: z.number().int().min(0) }).meta({ id: "UploadedPart" }),
      headers: { ETag: "The part's ETag, when the backend gives one." },
    },
  },
  errors: [
    "ARTIFACT_VALIDATION_FAILED",
    "ARTIFACT_SHARE_LINK_INVALID",
    "ARTIFACT_NOT_FOUND",
    "ARTIFACT_UPLOAD_CLOSED",
    "ARTIFACT_STORAGE_UNAVAILABLE",
  ],
});

export const completeUploadOp = operation({
  id: "completeUpload",
  method: "POST",
  path: "/api/v1/uploads/{id}/complete",
  tag: TAG,
  summary: "Verify the parts and publish the version",
  description:
    "Missing or wrong-sized parts answer 400 (missingParts, wrongSizeParts) and leave the upload open; a size or sha256 mismatch fails it. A precondition given at the start that no longer holds answers 412. Completing again answers the same version.",
  auth: "key",
  params: ZUploadParams,
  responses: {
    201: { description: "Published.", schema: ZPublished, headers: { Location: "The version's URL." } },
    200: {
      description:
        "Completed before: the same version; or, with skipIfUnchanged, the latest version when the bytes were the same (nothing published).",
      schema: ZPublished,
      headers: {
        Location: "The version's URL.",
        "Stowage-Unchanged": "true when nothing was published because the bytes were the latest version's.",
      },
    },
  },
  errors: [
    "ARTIFACT_VALIDATION_FAILED",
    "ARTIFACT_NAMESPACE_DENIED",
    "ARTIFACT_NOT_FOUND",
    "ARTIFACT_UPLOAD_CLOSED",
    "ARTIFACT_VERSION_CONFLICT",
    "ARTIFACT_IDEMPOTENCY_KEY_REUSED",
    "ARTIFACT_QUOTA_EXCEEDED",
    "ARTIFACT_STORAGE_UNAVAILABLE",
  ],
});

export const UPLOAD_OPERATIONS: TOperation[] = [startUploadOp, getUploadOp, abortUploadOp, getPartUrlsOp, uploadPartOp, completeUploadOp];
