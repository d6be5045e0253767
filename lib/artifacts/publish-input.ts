import "server-only";
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { validationFailed } from "../errors.ts";
import { baseName, normalizeArtifactName } from "./artifact-name.ts";
import { normalizeMimeType } from "./artifact-fields.ts";
import { resolveMimeType } from "./guess-mime-type.ts";
import type { TArtifactDto, TVersionDto } from "./serialize.ts";
import { ZPublishFields } from "../api-contract/publish-fields.ts";
import { fromZodError } from "../http/error-response.ts";

export type TPublishFields = {
  namespace?: unknown;
  name?: unknown;
  sessionId?: unknown;
  runId?: unknown;
  tags?: unknown;
  metadata?: unknown;
  expiresAt?: unknown;
  tool?: unknown;
  model?: unknown;
  /** The inputs: an array of { artifactId, version }, or its JSON. */
  derivedFrom?: unknown;
  skipIfUnchanged?: unknown;
};

export type TPublishInput = {
  fields: TPublishFields;
  /** The uploaded file's own name (multipart), used when `name` is absent. */
  filename?: string;
  contentType?: string | null;
  body: Readable | AsyncIterable<Uint8Array>;
  /** Content-Length, when the client sent one: lets an oversized upload fail before any byte is read. */
  declaredSize?: number;
  /** `If-Match: <version>`: publish only if that is the current latest version. */
  ifMatch?: number;
  /** `If-None-Match: *`: publish only if the artifact has no version yet. */
  ifNoneMatch?: boolean;
  /**
   * `If-None-Match: "<sha256>"`: the bytes' sha256 as the client says; when the latest version
   * has it, nothing is published (the body is not stored). Implies skipIfUnchanged.
   */
  ifNoneMatchSha256?: string;
  idempotencyKey?: string;
  /**
   * Fields that arrive after the bytes (multipart parts after the file). They settle before the
   * body ends and take part in the commit; the namespace must already be in `fields`.
   */
  trailingFields?: Promise<TPublishFields>;
  /** The bytes' sha256 when the caller already has it (a spooled upload): what is stored must match. */
  sha256?: string;
  /** How the upload reached Stowage, for the audit log ("api", "mcp", "cli", …). */
  via?: string;
};

export type TPublishResult = {
  artifact: TArtifactDto;
  version: TVersionDto;
  replayed: boolean;
  /** skipIfUnchanged and the bytes were the latest version's: `version` is that one, nothing was published. */
  unchanged?: boolean;
};

export type TPrepared = ReturnType<typeof prepareFields>;

/** Validates and normalizes the upload fields, before any byte is read, by the contract's rules. */
export function prepareFields(input: Omit<TPublishInput, "body">) {
  const parsed = ZPublishFields.safeParse(input.fields);
  if (!parsed.success) throw fromZodError(parsed.error);
  const f = parsed.data;
  const name = f.name ?? (input.filename ? normalizeArtifactName(input.filename) : undefined);
  if (name === undefined) throw validationFailed("name is required (or upload a file with a file name)", { field: "name" });
  const filename = input.filename ? normalizeArtifactName(baseName(input.filename.replace(/\\/g, "/")), "filename") : baseName(name);
  return {
    namespace: f.namespace,
    name,
    filename,
    sessionId: f.sessionId,
    runId: f.runId,
    tags: f.tags,
    metadata: f.metadata ?? {},
    expiresAt: f.expiresAt,
    tool: f.tool ?? null,
    model: f.model ?? null,
    derivedFrom: f.derivedFrom ?? [],
    skipIfUnchanged: f.skipIfUnchanged === true || input.ifNoneMatchSha256 !== undefined,
    mimeType: resolveMimeType(normalizeMimeType(input.contentType), filename),
  };
}

/** What an Idempotency-Key replay must match: the same request fields and the same bytes. */
export function fingerprint(p: TPrepared, sha256: string): string {
  const { namespace, name, sessionId, runId, tags, metadata, expiresAt, mimeType, tool, model, derivedFrom, skipIfUnchanged } = p;
  // Later fields join the print only when given, so the keys of publishes without them keep their prints.
  const lineage = tool || model || derivedFrom.length ? { tool, model, derivedFrom } : {};
  const skip = skipIfUnchanged ? { skipIfUnchanged } : {};
  return createHash("sha256")
    .update(JSON.stringify({ namespace, name, sessionId, runId, tags, metadata, expiresAt, mimeType, sha256, ...lineage, ...skip }))
    .digest("hex");
}
