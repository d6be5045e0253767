import type { ApiErrorCode } from "./types.js";

/**
 * Codes the SDK gives failures that never got a Stowage answer: the network (NETWORK_ERROR), a
 * server silent past `timeoutMs` (TIMEOUT), or an answer that is not Stowage's error JSON
 * (HTTP_ERROR, e.g. a proxy's 502 page or S3's XML after a redirect).
 */
export type ClientErrorCode = "NETWORK_ERROR" | "TIMEOUT" | "HTTP_ERROR";

/** A server newer than this SDK may answer with codes it does not know yet. */
export type StowageErrorCode = ApiErrorCode | ClientErrorCode | (string & Record<never, never>);

/**
 * Every failure of a Stowage call: the server's `{"error": {code, message, ...details}}` with its
 * HTTP status, or a client-side code with status 0. `details` holds every field beside code and
 * message (usedBytes and quotaBytes on ARTIFACT_QUOTA_EXCEEDED, field on a validation error, …).
 */
export class StowageError extends Error {
  override readonly name = "StowageError";
  readonly code: StowageErrorCode;
  /** The HTTP status; 0 when no answer came. */
  readonly status: number;
  readonly details: Record<string, unknown>;
  /** The server's X-Request-Id, to find the request in its log. */
  readonly requestId: string | undefined;

  constructor(
    code: StowageErrorCode,
    message: string,
    options: { status?: number; details?: Record<string, unknown>; requestId?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status ?? 0;
    this.details = options.details ?? {};
    this.requestId = options.requestId;
  }
}

/** The StowageError a non-2xx response stands for; reads (and so uses up) its body. */
export async function errorFromResponse(res: Response): Promise<StowageError> {
  const requestId = res.headers.get("x-request-id") ?? undefined;
  const text = await res.text().catch(() => "");
  const error = parseErrorBody(text);
  if (error) {
    const { code, message, ...details } = error;
    return new StowageError(code, message, { status: res.status, details, requestId });
  }
  const snippet = text.trim().slice(0, 200);
  return new StowageError("HTTP_ERROR", `HTTP ${res.status}${snippet ? `: ${snippet}` : ""}`, { status: res.status, requestId });
}

function parseErrorBody(text: string): ({ code: string; message: string } & Record<string, unknown>) | undefined {
  try {
    const parsed = JSON.parse(text) as { error?: unknown };
    const error = parsed?.error as { code?: unknown; message?: unknown } | undefined;
    if (error && typeof error.code === "string") {
      return { ...error, code: error.code, message: typeof error.message === "string" ? error.message : error.code };
    }
  } catch {
    // not JSON: the caller reports the raw status
  }
  return undefined;
}
