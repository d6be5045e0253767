import { headerValue } from "./config.js";
import type { components } from "./generated/api-types.js";
import type { QueryValue, Transport } from "./transport.js";
import type { Published } from "./types.js";

type Schemas = components["schemas"];
type Signal = { signal?: AbortSignal };

/** A read's own run: recorded as that run's input instead of the client's `runId`'s. */
export type ReadRun = {
  /** The run doing this read (sent as X-Stowage-Run for this call). Default: the client's `runId`. */
  runId?: string;
};

/** The header a read names its own run with; it wins over the client's. */
export function runHeaders(runId: string | undefined): Record<string, string> {
  return runId === undefined ? {} : { "x-stowage-run": headerValue(runId, "runId")! };
}

/** A page of a version's numbered lines, and where to continue (`nextOffset`). */
export type TextPage = Schemas["TextPage"];
export type TextLine = Schemas["TextLine"];
export type GrepMatch = Schemas["GrepMatch"];
export type GrepResult = Schemas["GrepResult"];
export type SessionGrepResult = Schemas["SessionGrepResult"];
export type DiffResult = Schemas["DiffResult"];

/**
 * Which version a read means: a number, or an alias (a named pointer such as `production`) for
 * the version it points to at the time of the call; the latest when neither is given. Not both.
 */
export type VersionChoice = {
  /** A version number; the latest when left out. */
  version?: number;
  /** An alias (`production`): the version it points to now, instead of `version`. */
  alias?: string;
};

export type TextOptions = Signal &
  ReadRun &
  VersionChoice & {
    /** The first line, from 1 (default 1). */
    offset?: number;
    /** Lines at most, 1 to 2000 (default 200). */
    limit?: number;
    /** The last N lines instead of offset/limit. */
    tail?: number;
  };

export type GrepOptions = Signal & {
  /** An RE2 regular expression (no backreferences or lookaround). */
  pattern: string;
  /** Lines before and after each match, 0 to 20. */
  context?: number;
  /** Matches at most, 1 to 500 (default 50). */
  max?: number;
  ignoreCase?: boolean;
};

export type SessionGrepOptions = GrepOptions & { namespace: string; sessionId: string };

export type DiffOptions = Signal &
  ReadRun & {
    /** The old version; the newest existing one older than `to` when left out (none: diffed against nothing). */
    from?: number;
    /** The new version; the latest when left out. */
    to?: number;
    /** An alias for the old version, instead of `from`. */
    fromAlias?: string;
    /** An alias for the new version, instead of `to`. */
    toAlias?: string;
  };

const artifactPath = (id: string, rest: string) => `/api/v1/artifacts/${encodeURIComponent(id)}${rest}`;

const grepQuery = (o: GrepOptions): Record<string, QueryValue> => ({
  pattern: o.pattern,
  context: o.context,
  max: o.max,
  ignoreCase: o.ignoreCase ? "1" : undefined,
});

export function readText(transport: Transport, id: string, { signal, runId, ...query }: TextOptions): Promise<TextPage> {
  return transport.json({ method: "GET", path: artifactPath(id, "/text"), query, headers: runHeaders(runId), signal });
}

export function grepArtifact(transport: Transport, id: string, options: GrepOptions & ReadRun & VersionChoice): Promise<GrepResult> {
  return transport.json({
    method: "GET",
    path: artifactPath(id, "/grep"),
    query: { ...grepQuery(options), version: options.version, alias: options.alias },
    headers: runHeaders(options.runId),
    signal: options.signal,
  });
}

export function grepSession(transport: Transport, options: SessionGrepOptions): Promise<SessionGrepResult> {
  return transport.json({
    method: "GET",
    path: `/api/v1/sessions/${encodeURIComponent(options.sessionId)}/grep`,
    query: { namespace: options.namespace, ...grepQuery(options) },
    signal: options.signal,
  });
}

export function diffVersions(transport: Transport, id: string, { signal, runId, ...query }: DiffOptions): Promise<DiffResult> {
  return transport.json({ method: "GET", path: artifactPath(id, "/diff"), query, headers: runHeaders(runId), signal });
}

/** Not retried: a lost answer may mean the text was appended, and a second attempt would append it twice. */
export function appendText(transport: Transport, id: string, text: string | Uint8Array, options: Signal): Promise<Published> {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  return transport.json({
    method: "POST",
    path: artifactPath(id, "/append"),
    headers: { "Content-Type": "text/plain; charset=utf-8" },
    body: { open: () => ({ body: bytes as BodyInit, streamed: false }), replayable: () => true },
    retry: false,
    signal: options.signal,
  });
}
