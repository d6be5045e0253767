import type { ResolvedConfig } from "./config.js";
import { Deadline, sleep } from "./deadline.js";
import { errorFromResponse } from "./errors.js";
import { isRetriableError, isRetriableStatus, retryDelay } from "./retry-policy.js";

export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Calls that can be repeated without doing more than once what they do. */
const IDEMPOTENT = new Set<HttpMethod>(["GET", "HEAD", "PUT", "DELETE", "PATCH"]);

export type QueryValue = string | number | undefined | null;

/** A request body built anew for each attempt (so a retry resends it from its start). */
export type OutgoingBody = {
  open(deadline: Deadline): { body: BodyInit; streamed: boolean };
  /** Whether another attempt may send it: a one-shot stream once read cannot be sent again. */
  replayable(): boolean;
};

export type RequestSpec = {
  method: HttpMethod;
  query?: Record<string, QueryValue> | [string, string][];
  headers?: Record<string, string>;
  json?: unknown;
  body?: OutgoingBody;
  /** Retry network errors, timeouts and 502/503/504; default: only idempotent methods. */
  retry?: boolean;
  /** Retry every 5xx, not only 502/503/504 (a part PUT: S3 answers 500 InternalError now and then). */
  retryAnyServerError?: boolean;
  /** Statuses that mean success once the call had to be retried (a DELETE the lost attempt did). */
  doneAfterRetry?: number[];
  signal?: AbortSignal;
  /** "manual": a redirect is the answer (with its headers), for the caller to follow. */
  redirect?: "manual";
} & (
  | {
      /** From the server's root, e.g. `/api/v1/artifacts/abc` (segments already encoded). */
      path: string;
      url?: undefined;
    }
  | {
      /**
       * Instead of a path: an absolute URL that carries its own authorization (a direct
       * upload's part URL, maybe presigned S3), so the API key is not sent there.
       */
      url: string;
      path?: undefined;
    }
);

/** A successful answer's attempt: `handOff` leaves its deadline running for whoever reads the body. */
export type Answer = { res: Response; deadline: Deadline; handOff(): void };

/** fetch with the key, the timeout, the caller's signal, retries, and StowageError for every failure. */
export class Transport {
  constructor(readonly config: ResolvedConfig) {}

  url(path: string, query?: RequestSpec["query"]): string {
    const params = new URLSearchParams();
    const entries = Array.isArray(query) ? query : Object.entries(query ?? {});
    for (const [key, value] of entries) if (value !== undefined && value !== null) params.append(key, String(value));
    const search = params.toString();
    return `${this.config.baseUrl}${path}${search ? `?${search}` : ""}`;
  }

  /** The parsed JSON answer (undefined for 204). */
  json<T>(spec: RequestSpec): Promise<T> {
    return this.send(spec, async ({ res }) => (res.status === 204 ? undefined : await res.json()) as T);
  }

  /** One call, attempted until it succeeds, fails for good, or runs out of retries. */
  async send<T>(spec: RequestSpec, read: (answer: Answer) => Promise<T>): Promise<T> {
    const retriable = spec.retry ?? IDEMPOTENT.has(spec.method);
    const mayRetry = (attempt: number) => retriable && attempt < this.config.retries && (spec.body?.replayable() ?? true);
    for (let attempt = 0; ; attempt++) {
      spec.signal?.throwIfAborted();
      const deadline = new Deadline(this.config.timeoutMs, spec.signal);
      let handedOff = false;
      let wait: number;
      try {
        const res = await this.#fetchOnce(spec, deadline);
        // A fresh window to read the answer in.
        deadline.arm();
        const answered = res.ok || (spec.redirect === "manual" && redirectLocation(res) !== undefined);
        if (answered || (attempt > 0 && spec.doneAfterRetry?.includes(res.status))) {
          const handOff = () => {
            handedOff = true;
          };
          return await read({ res, deadline, handOff });
        }
        const retriableStatus = isRetriableStatus(res.status) || (spec.retryAnyServerError === true && res.status >= 500);
        if (!retriableStatus || !mayRetry(attempt)) throw await errorFromResponse(res);
        wait = retryDelay(attempt, res.headers.get("retry-after"));
        await res.body?.cancel().catch(() => undefined);
      } catch (error) {
        const explained = deadline.explain(error);
        if (!isRetriableError(explained) || !mayRetry(attempt)) throw explained;
        wait = retryDelay(attempt, undefined);
      } finally {
        if (!handedOff) deadline.done();
      }
      await sleep(wait, spec.signal);
    }
  }

  #fetchOnce(spec: RequestSpec, deadline: Deadline): Promise<Response> {
    const headers = new Headers(spec.headers);
    if (spec.url === undefined) {
      if (this.config.apiKey) headers.set("authorization", `Bearer ${this.config.apiKey}`);
      // The run, tool and model go to Stowage only, never to a part URL (S3).
      const { runId, tool, model } = this.config;
      if (runId !== undefined && !headers.has("x-stowage-run")) headers.set("x-stowage-run", runId);
      if (tool !== undefined && !headers.has("x-stowage-tool")) headers.set("x-stowage-tool", tool);
      if (model !== undefined && !headers.has("x-stowage-model")) headers.set("x-stowage-model", model);
    }
    if (!headers.has("accept")) headers.set("accept", "application/json");
    const init: RequestInit & { duplex?: "half" } = { method: spec.method, headers, signal: deadline.signal };
    if (spec.json !== undefined) {
      headers.set("content-type", "application/json");
      init.body = JSON.stringify(spec.json);
    } else if (spec.body) {
      const { body, streamed } = spec.body.open(deadline);
      init.body = body;
      // fetch sends a stream only when told it may read the answer before the body is sent.
      if (streamed) init.duplex = "half";
    }
    if (spec.redirect) init.redirect = spec.redirect;
    const url = spec.url !== undefined ? spec.url : this.url(spec.path, spec.query);
    return this.config.fetch(url, init).then((res) =>
      // Where a redirect cannot be read after all (a service worker), it is followed instead.
      res.type === "opaqueredirect" ? this.config.fetch(url, { ...init, redirect: "follow" }) : res,
    );
  }
}

/** Whether fetch shows a redirect's headers here: everywhere but in a web page, where it is opaque. */
export const canReadRedirects = (): boolean => typeof document === "undefined";

/** A redirect's target (absolute), or undefined when the answer is not a redirect. */
export function redirectLocation(res: Response): string | undefined {
  const location = res.status >= 300 && res.status < 400 ? res.headers.get("location") : null;
  return location === null ? undefined : new URL(location, res.url || undefined).href;
}
