import {
  deleteAlias,
  getAlias,
  listAliases,
  setAlias,
  type Alias,
  type AliasWithVersion,
  type SetAliasOptions,
  type SetAliasResult,
} from "./aliases.js";
import { DownloadBody } from "./download-body.js";
import { eachItem } from "./paginate.js";
import { getLineage, type Lineage } from "./lineage.js";
import { canReadRedirects, redirectLocation, type Answer, type QueryValue, type RequestSpec, type Transport } from "./transport.js";
import { describedVersion } from "./version-headers.js";
import {
  appendText,
  diffVersions,
  grepArtifact,
  grepSession,
  readText,
  runHeaders,
  type DiffOptions,
  type DiffResult,
  type GrepOptions,
  type GrepResult,
  type ReadRun,
  type SessionGrepOptions,
  type SessionGrepResult,
  type TextOptions,
  type TextPage,
  type VersionChoice,
} from "./reads.js";
import type {
  Artifact,
  ArtifactKey,
  ArtifactPage,
  DownloadUrl,
  ListFilter,
  LookupQuery,
  NewShareLink,
  PageOptions,
  Published,
  Version,
  VersionPage,
} from "./types.js";

type Signal = { signal?: AbortSignal };

export type DownloadOptions = Signal &
  ReadRun &
  VersionChoice & {
    /** Bytes `start` to `end`, both inclusive (HTTP's Range); `end` left out: to the last byte. */
    range?: { start: number; end?: number };
  };

export type UrlOptions = Signal &
  VersionChoice & {
    /** Seconds the URL works (bounded by the server's PRESIGNED_URL_EXPIRY_SECONDS). */
    expiresIn?: number;
    /** Ask browsers to save the file rather than show it. */
    download?: boolean;
  };

export type ShareOptions = Signal & {
  /** Seconds, 60 to the server's SHARE_URL_MAX_SECONDS (default one hour). */
  expiresIn?: number;
  /** The version to share; the latest when left out. */
  version?: number;
  /** Instead of `version`: the version this alias points to now (the link stays on it when the alias moves). */
  alias?: string;
};

export type UpdateOptions = Signal & {
  /** Replaces every tag. */
  tags?: string[];
  /** A new expiry, or null to clear it. */
  expiresAt?: Date | string | null;
};

export type DeleteOptions = Signal & {
  /** Only this version; the whole artifact when left out. */
  version?: number;
};

const artifactPath = (id: string, rest = "") => `/api/v1/artifacts/${encodeURIComponent(id)}${rest}`;

/** `stowage.artifacts`: reading, listing, sharing, changing and deleting artifacts, and naming versions with aliases. */
export class ArtifactsApi {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** The artifact with its latest version (`latest`). */
  async get(id: string, options: Signal = {}): Promise<Artifact> {
    const { artifact } = await this.#transport.json<{ artifact: Artifact }>({
      method: "GET",
      path: artifactPath(id),
      signal: options.signal,
    });
    return artifact;
  }

  /** The artifact named `name` in `namespace` (and session `sessionId`, if it belongs to one). */
  async lookup({ signal, ...query }: LookupQuery): Promise<Artifact> {
    const { artifact } = await this.#transport.json<{ artifact: Artifact }>({
      method: "GET",
      path: "/api/v1/artifacts/lookup",
      query,
      signal,
    });
    return artifact;
  }

  /** One page of artifacts, newest first; pass its `nextCursor` as `cursor` for the next. */
  listPage({ signal, metadata, ...filter }: ListFilter = {}): Promise<ArtifactPage> {
    const query: [string, string][] = [];
    for (const [key, value] of Object.entries(filter as Record<string, QueryValue>)) {
      if (value !== undefined && value !== null) query.push([key, String(value)]);
    }
    for (const [key, value] of Object.entries(metadata ?? {})) query.push([`metadata.${key}`, value]);
    return this.#transport.json({ method: "GET", path: "/api/v1/artifacts", query, signal });
  }

  /** Every artifact the filter matches, across as many pages as there are: `for await (const a of …)`. */
  list(filter: ListFilter = {}): AsyncGenerator<Artifact, void, undefined> {
    return eachItem(filter.cursor, async (cursor) => {
      const page = await this.listPage({ ...filter, cursor });
      return { items: page.artifacts, nextCursor: page.nextCursor };
    });
  }

  /** One page of the version history, newest first. */
  versionsPage(id: string, { signal, ...query }: PageOptions = {}): Promise<VersionPage> {
    return this.#transport.json({ method: "GET", path: artifactPath(id, "/versions"), query, signal });
  }

  /** Every version, newest first. */
  versions(id: string, options: PageOptions = {}): AsyncGenerator<Version, void, undefined> {
    return eachItem(options.cursor, async (cursor) => {
      const page = await this.versionsPage(id, { ...options, cursor });
      return { items: page.versions, nextCursor: page.nextCursor };
    });
  }

  /** One version's metadata. */
  async version(id: string, version: number, options: Signal = {}): Promise<Version> {
    const found = await this.#transport.json<{ version: Version }>({
      method: "GET",
      path: artifactPath(id, `/versions/${version}`),
      signal: options.signal,
    });
    return found.version;
  }

  /**
   * A version's bytes, by the artifact's id or by its key (namespace, name, session) in one
   * request. Resolves once the server starts answering (retried until then); the body is read
   * afterwards, once, from the returned object, and says which version it is. Bytes kept in S3
   * come from S3 directly.
   */
  download(ref: string | ArtifactKey, { version, alias, range, runId, signal }: DownloadOptions = {}): Promise<DownloadBody> {
    const wanted: Record<string, string> = { accept: "*/*" };
    if (range) wanted.range = `bytes=${range.start}-${range.end ?? ""}`;
    const headers = { ...wanted, ...runHeaders(runId) };
    const spec: RequestSpec =
      typeof ref === "string"
        ? { method: "GET", path: artifactPath(ref, "/content"), query: { version, alias }, headers, signal }
        : { method: "GET", path: "/api/v1/artifacts/lookup/content", query: { ...ref, version, alias }, headers, signal };
    const body = (answer: Answer, described?: Version) => {
      answer.handOff();
      return new DownloadBody(answer.res, answer.deadline, described);
    };
    // Where a redirect's headers can be read, the version comes from the 302 to S3.
    if (!canReadRedirects()) return this.#transport.send(spec, async (answer) => body(answer));
    return this.#transport.send({ ...spec, redirect: "manual" }, async (answer) => {
      const location = redirectLocation(answer.res);
      if (location === undefined) return body(answer);
      const described = describedVersion(answer.res.headers);
      await answer.res.body?.cancel();
      // S3 gets the range only: the key and the run are for Stowage.
      return this.#transport.send({ method: "GET", url: location, headers: wanted, signal }, async (s3) => body(s3, described));
    });
  }

  /** A URL to a version's bytes that works without a key until it expires (it cannot be revoked). */
  url(id: string, { version, alias, expiresIn, download, signal }: UrlOptions = {}): Promise<DownloadUrl> {
    const query = { version, alias, expiresIn, download: download === undefined ? undefined : download ? "1" : "0" };
    return this.#transport.json({ method: "GET", path: artifactPath(id, "/url"), query, signal });
  }

  /** A time-limited share link that works without a key, and can be revoked. */
  share(id: string, { signal, ...body }: ShareOptions = {}): Promise<NewShareLink> {
    return this.#transport.json({ method: "POST", path: artifactPath(id, "/share"), json: body, signal });
  }

  /** Replaces the tags and/or sets or clears the expiry; answers the artifact as it is now. */
  async update(id: string, { tags, expiresAt, signal }: UpdateOptions): Promise<Artifact> {
    const json = { tags, expiresAt: expiresAt instanceof Date ? expiresAt.toISOString() : expiresAt };
    const { artifact } = await this.#transport.json<{ artifact: Artifact }>({ method: "PATCH", path: artifactPath(id), json, signal });
    return artifact;
  }

  /**
   * Deletes one version, or the whole artifact. A retry after a lost answer may find it gone
   * already: that 404 counts as deleted. A version a protected alias points to (and so its
   * artifact) is refused with 409 ARTIFACT_VERSION_PROTECTED, `details.aliases` naming them.
   */
  async delete(id: string, { version, signal }: DeleteOptions = {}): Promise<void> {
    const path = artifactPath(id, version === undefined ? "" : `/versions/${version}`);
    await this.#transport.json({ method: "DELETE", path, signal, doneAfterRetry: [404] });
  }

  /**
   * Numbered lines of a version's text, sized for a model's context: `limit` (200) lines from
   * line `offset` (1), or the last `tail` lines. Continue from `nextOffset` (null at the end).
   */
  text(id: string, options: TextOptions = {}): Promise<TextPage> {
    return readText(this.#transport, id, options);
  }

  /** The lines of a version (the latest by default) matching an RE2 `pattern`, with `context` lines around each. */
  grep(id: string, options: GrepOptions & ReadRun & VersionChoice): Promise<GrepResult> {
    return grepArtifact(this.#transport, id, options);
  }

  /** An RE2 `pattern` over the latest version of every artifact of a session. */
  grepSession(options: SessionGrepOptions): Promise<SessionGrepResult> {
    return grepSession(this.#transport, options);
  }

  /** Two versions as a unified diff: `to` the latest and `from` the one before when left out (or `fromAlias` / `toAlias`). */
  diff(id: string, options: DiffOptions = {}): Promise<DiffResult> {
    return diffVersions(this.#transport, id, options);
  }

  /**
   * Publishes the next version: the latest one's bytes followed by `text` (add the newline
   * yourself). Concurrent appends all land; never retried, so a lost answer never appends twice.
   */
  append(id: string, text: string | Uint8Array, options: Signal = {}): Promise<Published> {
    return appendText(this.#transport, id, text, options);
  }

  /** The artifact's aliases (named pointers to versions, such as `production`), by name. */
  aliases(id: string, options: Signal = {}): Promise<Alias[]> {
    return listAliases(this.#transport, id, options);
  }

  /** One alias with the version it points to (404 ARTIFACT_NOT_FOUND when there is no such alias). */
  alias(id: string, name: string, options: Signal = {}): Promise<AliasWithVersion> {
    return getAlias(this.#transport, id, name, options);
  }

  /**
   * Points the alias `name` at `version`, creating it or moving it (writers of the namespace):
   * `{ alias, created }`. With `protected: true` the version cannot be deleted and the artifact
   * does not expire until the alias moves, is unprotected or is removed. Names: 1–64 lowercase
   * letters, digits and . _ -, not a number and not `latest` (else ARTIFACT_VALIDATION_FAILED).
   */
  setAlias(id: string, name: string, options: SetAliasOptions): Promise<SetAliasResult> {
    return setAlias(this.#transport, id, name, options);
  }

  /** Removes the alias `name`; the version it pointed to stays. */
  deleteAlias(id: string, name: string, options: Signal = {}): Promise<void> {
    return deleteAlias(this.#transport, id, name, options);
  }

  /** What produced a version, what it was derived from and which runs read it (what the caller can read). */
  lineage(id: string, version: number, options: Signal = {}): Promise<Lineage> {
    return getLineage(this.#transport, id, version, options.signal);
  }
}
