/** What the API answered when it said no: `{ error: { code, message, ...details } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

import { CSRF_HEADER } from "@/lib/http/csrf-header";

/** Sent with every change the dashboard makes; the server refuses cookie-authenticated changes without it. */
export const CSRF_HEADERS = { [CSRF_HEADER]: "1" };

/** The dashboard's calls to the HTTP API, signed in by the session cookie. */
export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const response = await fetch(path, {
    ...rest,
    credentials: "same-origin",
    headers: { ...CSRF_HEADERS, ...(json !== undefined ? { "Content-Type": "application/json" } : {}), ...headers },
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
  if (response.status === 204) return undefined as T;
  const body = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, body);
  return body as T;
}

export function toApiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
  const { code, message, ...details } = error ?? {};
  return new ApiError(status, code ?? "INTERNAL_ERROR", message ?? `the server answered ${status}`, details);
}
