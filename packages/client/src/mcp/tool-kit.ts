import { z } from "zod";
import type { ErrorDescription, LocalFiles, McpBackend, VersionRef } from "./backend.js";
import type { ToolResult } from "./format.js";
import type { McpLimits } from "./limits.js";

/** What a tool runs with: the backend, local files when the server is the stdio one, the caps. */
export type ToolContext = { backend: McpBackend; files: LocalFiles | undefined; limits: McpLimits };

export type ToolAnnotations = { readOnlyHint?: boolean; destructiveHint?: boolean; idempotentHint?: boolean; openWorldHint?: boolean };

/** One tool, defined once for both servers; `localOnly` fields exist only where there are local files. */
export type ToolDefinition = {
  name: string;
  title: string;
  description: (local: boolean) => string;
  shape: z.ZodRawShape;
  localOnly?: string[];
  annotations: ToolAnnotations;
  run(args: Record<string, unknown>, ctx: ToolContext): Promise<ToolResult>;
};

export function defineTool<S extends z.ZodRawShape>(tool: {
  name: string;
  title: string;
  description: string | ((local: boolean) => string);
  shape: S;
  localOnly?: (keyof S & string)[];
  annotations: ToolAnnotations;
  run(args: z.output<z.ZodObject<S>>, ctx: ToolContext): Promise<ToolResult>;
}): ToolDefinition {
  const { description } = tool;
  return {
    ...tool,
    description: typeof description === "string" ? () => description : description,
    run: tool.run as ToolDefinition["run"],
  };
}

/** Bad tool input the tools themselves find (the schema cannot say "one of these two"). */
export class ToolInputError extends Error {
  readonly details: Record<string, unknown>;
  constructor(message: string, field?: string) {
    super(message);
    this.details = field ? { field } : {};
  }
}

export function describeFailure(error: unknown, backend: McpBackend): ErrorDescription {
  if (error instanceof ToolInputError) return { code: "ARTIFACT_VALIDATION_FAILED", message: error.message, details: error.details };
  return backend.describeError(error);
}

/** A zod failure as the API words one: the first bad field and what is wrong with it. */
export function describeZodError(error: z.ZodError): ErrorDescription {
  const issue = error.issues[0];
  const field = issue?.path.join(".") || undefined;
  const message =
    issue?.code === "unrecognized_keys"
      ? `unknown field(s): ${issue.keys.join(", ")}`
      : `${field ? `${field}: ` : ""}${issue?.message ?? "invalid input"}`;
  return { code: "ARTIFACT_VALIDATION_FAILED", message, details: field ? { field } : {} };
}

// Every tool that works on one artifact takes it by id, or by namespace + name (+ session).
export const refShape = {
  id: z.string().min(1).optional().describe("The artifact's id (artifact_list and artifact_upload give it). Or use namespace + name."),
  namespace: z.string().min(1).optional().describe("Instead of id: the artifact's namespace (e.g. agent:planner), with name."),
  name: z.string().min(1).optional().describe("Instead of id: the artifact's name in that namespace (it may contain /)."),
  sessionId: z
    .string()
    .min(1)
    .optional()
    .describe("With namespace and name: the session the artifact belongs to (leave out for namespace-level artifacts)."),
};

export type Ref = { id?: string; namespace?: string; name?: string; sessionId?: string };

export async function resolveId(backend: McpBackend, ref: Ref): Promise<string> {
  if (ref.id) return ref.id;
  if (ref.namespace && ref.name) {
    const found = await backend.lookup({
      namespace: ref.namespace,
      name: ref.name,
      ...(ref.sessionId ? { sessionId: ref.sessionId } : {}),
    });
    return found.id;
  }
  throw new ToolInputError("give the artifact's id, or its namespace and name", "id");
}

// Visible ASCII: it travels as the X-Stowage-Run header, and both servers must take the same ids.
export const readRunField = z
  .string()
  .regex(/^[\x21-\x7e](?:[\x20-\x7e]{0,253}[\x21-\x7e])?$/, "must be 1 to 255 visible ASCII characters")
  .optional()
  .describe("The run doing this read, recorded as its input (default: the run this server was configured with, if any).");

export const versionField = z.number().int().min(0).optional().describe("A version number; the latest when left out.");
export const aliasField = z
  .string()
  .min(1)
  .optional()
  .describe("Instead of version: an alias (e.g. production, see artifact_alias): the version it points to now.");

/** A tool's `version` or `alias` as one reference (the schema cannot say "not both"). */
export function versionRefOf(a: { version?: number | undefined; alias?: string | undefined }, field = "alias"): VersionRef | undefined {
  if (a.version !== undefined && a.alias !== undefined) throw new ToolInputError(`give version or ${field}, not both`, field);
  return a.alias !== undefined ? { alias: a.alias } : a.version;
}
export const limitField = (max: number, fallback: number) =>
  z.number().int().min(1).max(max).default(fallback).describe(`How many to return (1 to ${max}, default ${fallback}).`);
export const cursorField = z.string().min(1).optional().describe("The nextCursor of the previous call, for the next page.");

/** The entries whose value is set (exactOptionalPropertyTypes-safe spreading). */
export function optional<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
