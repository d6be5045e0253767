import "server-only";
import { z } from "zod";
import { StowageError } from "../errors.ts";
import { BlobStoreUnavailableError } from "../storage/blob-store.ts";

/** Turns a zod failure into the one validation error shape, naming the first bad field. */
export function fromZodError(error: z.ZodError): StowageError {
  const issue = error.issues[0];
  const field = issue?.path.join(".") || undefined;
  const message =
    issue?.code === "unrecognized_keys"
      ? `unknown field(s): ${issue.keys.join(", ")}`
      : `${field ? `${field}: ` : ""}${issue?.message ?? "invalid input"}`;
  return new StowageError("ARTIFACT_VALIDATION_FAILED", message, field ? { field } : {});
}

function toStowageError(error: unknown): StowageError | undefined {
  if (error instanceof StowageError) return error;
  if (error instanceof z.ZodError) return fromZodError(error);
  if (error instanceof BlobStoreUnavailableError)
    return new StowageError("ARTIFACT_STORAGE_UNAVAILABLE", "artifact storage is not reachable");
  return undefined;
}

export type TErrorPayload = { status: number; headers: Record<string, string>; body: { error: Record<string, unknown> } };

/**
 * The only place errors become HTTP: `{"error": {"code", "message", ...details}}`. Anything that
 * is not a StowageError is logged and answered with a generic 500 that reveals nothing.
 */
export function errorPayload(error: unknown): TErrorPayload {
  const known = toStowageError(error);
  if (!known) {
    console.error("Stowage: unexpected error", error);
    return {
      status: 500,
      headers: { "Cache-Control": "no-store" },
      body: { error: { code: "INTERNAL_ERROR", message: "internal error" } },
    };
  }
  const headers: Record<string, string> = { "Cache-Control": "no-store", ...known.headers };
  if (known.code === "UNAUTHENTICATED") headers["WWW-Authenticate"] = 'Bearer realm="stowage"';
  return { status: known.status, headers, body: { error: { code: known.code, message: known.message, ...known.details } } };
}

export function errorResponse(error: unknown): Response {
  const { status, headers, body } = errorPayload(error);
  return Response.json(body, { status, headers });
}
