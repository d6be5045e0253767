export type StowageOptions = {
  /** The server, e.g. https://stowage.example (a path prefix is kept). Default: STOWAGE_URL. */
  url?: string;
  /** `stw_…`. Default: STOWAGE_API_KEY. Without one, requests carry no Authorization header. */
  apiKey?: string;
  /** A fetch to use instead of the global one (a proxy agent, a test double, an older runtime). */
  fetch?: typeof fetch;
  /**
   * How long the server may stay silent, in ms (default 30 000): until its answer starts, and
   * between chunks of an upload or download. Not a limit on a whole transfer.
   */
  timeoutMs?: number;
  /** Extra attempts after a network error, a timeout or a 502/503/504 (default 2). */
  retries?: number;
  /**
   * The run this client works for. Default: STOWAGE_RUN_ID. Every request carries it
   * (X-Stowage-Run): downloads are recorded as the run's inputs, and publishes are the run's
   * unless they name another `runId`.
   */
  runId?: string;
  /** The tool publishing (X-Stowage-Tool on every request; a publish's `tool` wins). Default: STOWAGE_TOOL. */
  tool?: string;
  /** The model publishing (X-Stowage-Model on every request; a publish's `model` wins). Default: STOWAGE_MODEL. */
  model?: string;
};

export type ResolvedConfig = {
  baseUrl: string;
  apiKey: string | undefined;
  fetch: typeof fetch;
  timeoutMs: number;
  retries: number;
  runId: string | undefined;
  tool: string | undefined;
  model: string | undefined;
};

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RETRIES = 2;

/** Options first, then the environment where there is one (Node; never in a browser). */
export function resolveConfig(options: StowageOptions): ResolvedConfig {
  const env: Record<string, string | undefined> = typeof process !== "undefined" && process.env ? process.env : {};
  const url = options.url ?? env.STOWAGE_URL;
  if (!url) throw new TypeError("Stowage: no server URL: pass { url } or set STOWAGE_URL");
  if (!options.fetch && typeof globalThis.fetch !== "function") throw new TypeError("Stowage: no fetch in this runtime: pass { fetch }");
  return {
    baseUrl: url.replace(/\/+$/, ""),
    apiKey: options.apiKey ?? (env.STOWAGE_API_KEY || undefined),
    // Called unbound, browsers' fetch throws "Illegal invocation".
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: nonNegative(options.timeoutMs, DEFAULT_TIMEOUT_MS, "timeoutMs"),
    retries: nonNegative(options.retries, DEFAULT_RETRIES, "retries"),
    runId: headerValue(options.runId ?? (env.STOWAGE_RUN_ID || undefined), "runId"),
    tool: headerValue(options.tool ?? (env.STOWAGE_TOOL || undefined), "tool"),
    model: headerValue(options.model ?? (env.STOWAGE_MODEL || undefined), "model"),
  };
}

/** A value sent as a header on every request: checked here, where a bad one is one error rather than one per call. */
export function headerValue(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !/^[\x20-\x7e]{1,255}$/.test(value) || value.trim() !== value) {
    throw new TypeError(`Stowage: ${name} must be 1 to 255 visible ASCII characters, without leading or trailing spaces`);
  }
  return value;
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new TypeError(`Stowage: ${name} must be a non-negative number`);
  return value;
}
