import { ArtifactsApi } from "./artifacts.js";
import { resolveConfig, type StowageOptions } from "./config.js";
import { UploadsApi } from "./direct-upload.js";
import { publish, type PublishOptions } from "./publish.js";
import type { PublishData } from "./publish-body.js";
import { RunsApi, SessionsApi } from "./runs.js";
import { Transport } from "./transport.js";
import type { Me, NamespaceUsage, Published } from "./types.js";

type Signal = { signal?: AbortSignal };

/**
 * A Stowage server, reached with one API key:
 *
 *     const stowage = new Stowage({ url: "https://stowage.example", apiKey: "stw_…" });
 *     const { artifact, version } = await stowage.publish("# plan", { namespace: "agent:planner", name: "plan.md" });
 */
export class Stowage {
  /** Reading, listing, sharing, changing and deleting artifacts, and their aliases. */
  readonly artifacts: ArtifactsApi;
  /** The runs the caller can see (`list`, `listPage`). */
  readonly runs: RunsApi;
  /** The sessions the caller can see (`list`, `listPage`). */
  readonly sessions: SessionsApi;
  /** Direct uploads kept open for resuming (`publish` with `resumable`): `get`, `abort`. */
  readonly uploads: UploadsApi;
  readonly #transport: Transport;

  constructor(options: StowageOptions = {}) {
    this.#transport = new Transport(resolveConfig(options));
    this.artifacts = new ArtifactsApi(this.#transport);
    this.uploads = new UploadsApi(this.#transport);
    this.runs = new RunsApi(this.#transport);
    this.sessions = new SessionsApi(this.#transport);
  }

  /** The server this client talks to, without a trailing slash. */
  get url(): string {
    return this.#transport.config.baseUrl;
  }

  /**
   * Publishes `data` as the next version of (namespace, sessionId, name): `{ artifact, version }`.
   * Streamed, never buffered whole. Retried on network errors, timeouts and 502/503/504 with the
   * same Idempotency-Key, so at most one version results; a stream or async iterable is read
   * once and so is not retried once its first chunk was sent.
   *
   * Data of a known size above `multipartThreshold` (64 MiB) goes as a direct upload: in parts
   * of `partSize`, `partConcurrency` (4) at a time, each retried on its own; straight to S3 when
   * that is the server's store. A file path, bytes or a Blob is sliced (a part is re-read from
   * its offset on a retry); a stream with a declared `size` is read in order, one part buffered
   * per concurrent slot (memory: partConcurrency × partSize). With `resumable`, an upload that
   * fails or is aborted stays open, and `resumeUploadId` later sends only the missing parts.
   */
  publish(data: PublishData, options: PublishOptions): Promise<Published> {
    return publish(this.#transport, data, options);
  }

  /** Publishes `value` as JSON (application/json) under `name`. */
  createSnippet(name: string, value: unknown, options: Omit<PublishOptions, "name" | "contentType" | "size">): Promise<Published> {
    return publish(this.#transport, JSON.stringify(value), { ...options, name, contentType: "application/json" });
  }

  /** Usage and quota of a namespace: `{ usedBytes, quotaBytes, artifactCount, versionCount, … }`. */
  usage(namespace: string, options: Signal = {}): Promise<NamespaceUsage> {
    return this.#transport.json({
      method: "GET",
      path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/usage`,
      signal: options.signal,
    });
  }

  /** The caller's identity and the namespaces it can read. */
  whoami(options: Signal = {}): Promise<Me> {
    return this.#transport.json({ method: "GET", path: "/api/v1/me", signal: options.signal });
  }
}
