import type { Alias, SetAliasResult } from "../aliases.js";
import type { DiffResult, GrepResult, ReadRun, SessionGrepResult, TextPage } from "../reads.js";
import type { Artifact, ArtifactPage, NewShareLink, Published, Version, VersionPage } from "../types.js";

/**
 * What the MCP tools need from Stowage, written once for both servers: the stdio bin implements
 * it with the SDK (sdk-backend.ts), the remote /api/mcp with the server's own functions, called
 * with the caller's principal so they authorize and audit exactly as the HTTP API does.
 * Lineage is the backend's: each has a run, tool and model of its own (the MCP request's
 * X-Stowage-* headers remotely, the SDK's options locally) that its reads are recorded for and
 * its publishes and appends carry; a read's `runId` (ReadRun) is recorded instead, for that call.
 */
export interface McpBackend {
  get(id: string): Promise<Artifact>;
  lookup(key: { namespace: string; name: string; sessionId?: string }): Promise<Artifact>;
  list(filter: ListRequest): Promise<ArtifactPage>;
  versions(id: string, page: { limit: number; cursor?: string }): Promise<VersionPage>;
  /** One version's metadata; the latest when `version` is undefined. */
  version(id: string, version: VersionRef | undefined): Promise<Version>;
  publish(data: string | Uint8Array, options: PublishRequest): Promise<Published>;
  /** Bytes `start` to `end` (inclusive, within the version's size) of one version. */
  readBytes(id: string, version: number, range: { start: number; end: number }, read?: ReadRun): Promise<Uint8Array>;
  text(id: string, options: TextRequest & ReadRun): Promise<TextPage>;
  grep(id: string, options: GrepRequest & ReadRun & { version?: VersionRef }): Promise<GrepResult>;
  grepSession(options: GrepRequest & { namespace: string; sessionId: string }): Promise<SessionGrepResult>;
  diff(id: string, options: { from?: VersionRef; to?: VersionRef } & ReadRun): Promise<DiffResult>;
  /** A new version: the latest's bytes with `text` after them, atomic against concurrent appends. */
  append(id: string, text: string): Promise<Published>;
  share(id: string, options: { expiresIn?: number; version?: VersionRef }): Promise<NewShareLink>;
  delete(id: string, options: { version?: number }): Promise<void>;
  /** The artifact's aliases, by name (readers). Reads by alias take a `VersionRef` above. */
  aliases(id: string): Promise<Alias[]>;
  /** Creates or moves an alias (writers); `protected` left out keeps what it had. */
  setAlias(id: string, name: string, input: { version: number; protected?: boolean }): Promise<SetAliasResult>;
  /** Removes an alias (writers); its version stays. */
  deleteAlias(id: string, name: string): Promise<void>;
  /**
   * A failure as the caller may see it: Stowage's code, message and details. Anything that is
   * not a Stowage error becomes a generic INTERNAL_ERROR (logged where the backend runs).
   */
  describeError(error: unknown): ErrorDescription;
}

/** What only a local (stdio) server can do: read and write files on the machine it runs on. */
export interface LocalFiles {
  publishFile(path: string, options: PublishRequest): Promise<Published>;
  /** Streams one version (or a byte range of it) into `path`, replacing the file when complete. */
  saveTo(
    id: string,
    version: number,
    path: string,
    range?: { start: number; end?: number },
    read?: ReadRun,
  ): Promise<{ path: string; bytes: number }>;
}

export type ErrorDescription = { code: string; message: string; details: Record<string, unknown> };

export type ListRequest = {
  namespace?: string;
  sessionId?: string;
  runId?: string;
  tag?: string;
  name?: string;
  metadata?: Record<string, string>;
  limit: number;
  cursor?: string;
};

export type PublishRequest = {
  namespace: string;
  name?: string;
  sessionId?: string;
  runId?: string;
  tags?: string[];
  metadata?: Record<string, unknown>;
  contentType?: string;
  expiresAt?: string;
  /** Only if the artifact has no version yet (else ARTIFACT_VERSION_CONFLICT). */
  ifNoneMatch?: boolean;
  /** Nothing published when the bytes equal the latest version's (the answer says unchanged). */
  skipIfUnchanged?: boolean;
};

/** Which version a read means: a number, or an alias's (`{ alias: "production" }`); the latest when undefined. */
export type VersionRef = number | { alias: string };

export type TextRequest = { version?: VersionRef; offset?: number; limit?: number; tail?: number };
export type GrepRequest = { pattern: string; context?: number; max?: number; ignoreCase?: boolean };

export type { Alias, SetAliasResult } from "../aliases.js";
// The shapes of the text, grep and diff operations: the contract's, as the SDK takes them.
export type { DiffResult, GrepMatch, GrepResult, ReadRun, SessionGrepResult, TextLine, TextPage } from "../reads.js";
