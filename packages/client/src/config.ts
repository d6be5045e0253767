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
};

export type ResolvedConfig = {
  baseUrl: string;
  apiKey: string | undefined;
  fetch: typeof fetch;
  timeoutMs: number;
  retries: number;
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
  };
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new TypeError(`Stowage: ${name} must be a non-negative number`);
  return value;
}
