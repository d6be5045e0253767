import { branded } from "./process-state.ts";

/** Every error code the API returns, with its HTTP status (DESIGN.md "Error codes"). */
export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  ARTIFACT_NAMESPACE_DENIED: 403,
  ARTIFACT_SHARE_LINK_INVALID: 403,
  ARTIFACT_NOT_FOUND: 404,
  ARTIFACT_VALIDATION_FAILED: 400,
  /** 409 by default; 412 when an If-Match / If-None-Match precondition failed. */
  ARTIFACT_VERSION_CONFLICT: 409,
  ARTIFACT_IDEMPOTENCY_KEY_REUSED: 422,
  /** A direct upload that is no longer open for parts (completed, aborted, expired, failed, or completing right now). */
  ARTIFACT_UPLOAD_CLOSED: 409,
  ARTIFACT_QUOTA_EXCEEDED: 409,
  /** A delete of a version (or of the artifact holding it) that a protected alias points at. */
  ARTIFACT_VERSION_PROTECTED: 409,
  ARTIFACT_TOO_LARGE: 413,
  ARTIFACT_RANGE_NOT_SATISFIABLE: 416,
  /** A text read (text, grep, diff, append) of content that is not text: a binary type or NUL bytes. */
  ARTIFACT_NOT_TEXT: 415,
  /** A grep pattern that RE2 syntax cannot compile (backreferences, lookaround) or an empty one. */
  ARTIFACT_PATTERN_INVALID: 400,
  ARTIFACT_STORAGE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

const stowageError = branded("StowageError");

/**
 * The one error type domain code throws; `errorPayload` turns it into HTTP. Recognised by brand,
 * so an error thrown through an object the other copy of lib/ made (a store, a lease) is still
 * one, not an unexpected 500.
 */
export class StowageError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return stowageError.is(value);
  }
  readonly [stowageError.brand] = true;
  readonly status: number;
  /** Extra response headers the error needs (e.g. Content-Range on a 416). */
  headers: Record<string, string> = {};

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    status?: number,
  ) {
    super(message);
    this.name = "StowageError";
    this.status = status ?? ERROR_STATUS[code];
  }
}

export const notFound = (what = "artifact") => new StowageError("ARTIFACT_NOT_FOUND", `${what} not found`);

export const validationFailed = (message: string, details: Record<string, unknown> = {}) =>
  new StowageError("ARTIFACT_VALIDATION_FAILED", message, details);
