import { z } from "zod";
import { ERROR_STATUS, type ErrorCode } from "../errors.ts";
import { parseExpiresAt, parseVersionNumber } from "../artifacts/artifact-fields.ts";
import { parseInstant } from "../parse-instant.ts";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, parseLimit } from "../pagination.ts";

/** Schemas shared by several operations; each has an id and becomes one OpenAPI component. */

export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export const ZErrorResponse = z
  .object({
    error: z.looseObject({
      code: z.enum(ERROR_CODES),
      message: z.string(),
    }),
  })
  .meta({
    id: "Error",
    description:
      "Every error: a code from the enum, a message for people, and the code's details beside them (e.g. field, usedBytes, quotaBytes, requestedBytes).",
    example: {
      error: {
        code: "ARTIFACT_QUOTA_EXCEEDED",
        message: "namespace quota exceeded",
        usedBytes: 1024,
        quotaBytes: 2048,
        requestedBytes: 4096,
      },
    },
  });

const ZInstant = z.iso.datetime();

export const ZVersion = z
  .strictObject({
    artifactId: z.string(),
    version: z.number().int().min(0),
    filename: z.string(),
    mimeType: z.string(),
    sizeBytes: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    createdAt: ZInstant,
    createdBy: z.string(),
    runId: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()),
    aliases: z.array(z.string()).optional().meta({ description: "The aliases pointing at it, by name (in the version history)." }),
  })
  .meta({ id: "Version", description: "One immutable version of an artifact." });

export const ZArtifact = z
  .strictObject({
    id: z.string(),
    namespace: z.string(),
    sessionId: z.string().nullable(),
    name: z.string(),
    tags: z.array(z.string()),
    createdBy: z.string(),
    createdAt: ZInstant,
    updatedAt: ZInstant,
    expiresAt: ZInstant.nullable(),
    retainUntil: ZInstant.nullable().meta({
      description: "When the namespace's retention ends it; it expires at the earlier of this and expiresAt.",
    }),
    latestVersion: z.number().int().min(0).nullable(),
    latest: ZVersion.nullable().optional().meta({ description: "The latest version, where the operation includes it." }),
  })
  .meta({
    id: "Artifact",
    description: "A named, versioned artifact in a namespace (and maybe a session).",
    example: {
      id: "01jf3z8k6v1q2w3e4r5t6y7u8i",
      namespace: "agent:planner",
      sessionId: "chat-42",
      name: "reports/summary.md",
      tags: ["report"],
      createdBy: "planner",
      createdAt: "2026-12-01T10:00:00.000Z",
      updatedAt: "2026-12-01T10:05:00.000Z",
      expiresAt: null,
      retainUntil: null,
      latestVersion: 1,
    },
  });

export type TArtifact = z.infer<typeof ZArtifact>;
export type TVersion = z.infer<typeof ZVersion>;

/** `limit`: validated by the one rule every listing shares. */
export const ZLimit = z
  .string()
  .optional()
  .transform((value) => parseLimit(value))
  .meta({ description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`, example: "50" });

export const ZCursor = z.string().max(2048).optional().meta({ description: "The `nextCursor` of the previous page, as given (opaque)." });

/** A version number in a path or query: a non-negative integer. */
export const ZVersionNumber = z
  .string()
  .transform((value) => parseVersionNumber(value)!)
  .meta({ description: "A version number (0, 1, …).", example: "0" });

/**
 * A query's time bound (`from`, `to`), checked by lib's one rule for them and passed on as given:
 * lib takes the string, since the dashboard's pages call it with their search params too.
 */
export const ZTimeBound = (field: string, description: string) =>
  z
    .string()
    .max(64)
    .optional()
    .transform((value) => (parseInstant(value, field), value))
    .meta({ description: `${description}: an ISO 8601 date (2030-01-31) or date and time with a zone.`, example: "2030-01-31" });

/** An `expiresAt` a client sets: an instant with a zone, in the future, by the rule every publish applies. */
export const ZExpiresAtInput = z
  .string()
  .max(64)
  .transform((value) => (parseExpiresAt(value), value))
  .meta({ description: "An ISO 8601 instant with a zone, in the future.", format: "date-time", example: "2030-01-01T00:00:00Z" });

export const ZNextCursor = z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." });

export const ZIdParams = z.strictObject({ id: z.string().meta({ description: "The artifact's id." }) });

/** What every route that streams a version's bytes reads beside its parameters. */
export const CONTENT_REQUEST_HEADERS = {
  Range: "One byte range (bytes=start-end).",
  "If-None-Match": "The ETag you have: 304 if unchanged.",
};

/** Version metadata making Stowage-Version-Info longer than this leaves it out (clients cap a response head at 16 KiB). */
export const VERSION_INFO_MAX_CHARS = 8 * 1024;

/** What a download with a key says about the version it answers with, so one request finds and reads it. */
export const VERSION_RESPONSE_HEADERS = {
  "Stowage-Artifact-Id": "The artifact's id.",
  "Stowage-Version": "The version's number.",
  "Stowage-Version-Info": `The version as GET …/versions/{n} answers it, as base64url JSON; left out when longer than ${VERSION_INFO_MAX_CHARS} characters (large metadata).`,
};

/**
 * What every route that streams a version's bytes answers; `redirect` says when it is a 302,
 * `headers` what each answer carries beside its own.
 */
export const contentResponses = (redirect: string, headers: Record<string, string> = {}) => ({
  200: {
    description: "The bytes.",
    contentType: "application/octet-stream",
    headers: { ETag: "The sha256.", "Content-Length": "Size.", ...headers },
  },
  206: {
    description: "The requested range.",
    contentType: "application/octet-stream",
    headers: { "Content-Range": "The range sent.", ...headers },
  },
  302: { description: redirect, ...(Object.keys(headers).length ? { headers } : {}) },
  304: { description: "Not modified.", ...(Object.keys(headers).length ? { headers } : {}) },
});
