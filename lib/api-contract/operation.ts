import type { z } from "zod";
import type { ErrorCode } from "../errors.ts";

export type THttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Who may call an operation: an API key or a dashboard session (`key`), an admin (`admin`), or
 * anyone (`public`: health, readiness, setup, and the share routes whose signed token is the
 * credential).
 */
export type TAuth = "key" | "admin" | "public";

/** A request body: JSON (validated by the route with `json`), multipart fields, or raw bytes. */
export type TBody = {
  json?: z.ZodType;
  example?: unknown;
  /** The fields of a multipart/form-data body (documented; read as a stream by the route). */
  multipart?: z.ZodType;
  /** Any media type: the bytes themselves. */
  raw?: string;
  /** A body that may be left out entirely. */
  optional?: boolean;
};

export type TResponse = {
  description: string;
  /** JSON body; absent for bytes (contentType) or no body at all (204, 302). */
  schema?: z.ZodType;
  /** A non-JSON body, e.g. application/octet-stream for an artifact's bytes. */
  contentType?: string;
  headers?: Record<string, string>;
  example?: unknown;
};

/**
 * One `/api/v1` operation, described once: the routes validate what they read with these
 * schemas, and the OpenAPI document (openapi.ts) is generated from them.
 */
export type TOperation = {
  /** operationId, camelCase, unique. */
  id: string;
  method: THttpMethod;
  /** OpenAPI path template, e.g. /api/v1/artifacts/{id}. */
  path: string;
  /** The group in the reference (OpenAPI tag). */
  tag: string;
  summary: string;
  description?: string;
  auth: TAuth;
  /** Path parameters, every one a string in the URL. */
  params?: z.ZodObject;
  /** Query parameters; `queryPrefixes` lists open-ended ones such as `metadata.<key>`. */
  query?: z.ZodObject;
  queryPrefixes?: { prefix: string; description: string }[];
  /** Request headers the operation reads (preconditions, Idempotency-Key, Range). */
  headers?: Record<string, string>;
  body?: TBody;
  responses: Record<number, TResponse>;
  /** The error codes this operation may answer with, beside the ones every operation may. */
  errors: ErrorCode[];
};

/** Keeps each operation's literal types while checking it is one. */
export const operation = <const T extends TOperation>(op: T): T => op;
