import { StowageError } from "./errors.js";

/**
 * One attempt's abort signal: fires when the caller's signal does, or when the server has been
 * silent for `ms` (0: never). Silence is measured only while the SDK waits on the server (for
 * the answer to start, for the next upload chunk to be taken, for the next download chunk), so
 * a slow consumer of a download never times out.
 */
export class Deadline {
  readonly #controller = new AbortController();
  readonly #ms: number;
  readonly #caller: AbortSignal | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timedOut = false;
  readonly #onCallerAbort = () => this.#controller.abort(this.#caller?.reason);

  constructor(ms: number, caller: AbortSignal | undefined) {
    this.#ms = ms;
    this.#caller = caller;
    if (caller?.aborted) this.#onCallerAbort();
    else caller?.addEventListener("abort", this.#onCallerAbort, { once: true });
    this.arm();
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** (Re)starts the silence timer. */
  arm(): void {
    this.pause();
    if (this.#ms <= 0 || this.#controller.signal.aborted) return;
    this.#timer = setTimeout(() => {
      this.#timedOut = true;
      this.#controller.abort(new StowageError("TIMEOUT", `no answer from the server within ${this.#ms} ms`));
    }, this.#ms);
  }

  /** Stops the timer while the SDK is not waiting on the server. */
  pause(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** The attempt is over: no timer, no listener left on the caller's signal. */
  done(): void {
    this.pause();
    this.#caller?.removeEventListener("abort", this.#onCallerAbort);
  }

  /**
   * What a failure during this attempt means: the caller's abort reason (rethrown as given),
   * TIMEOUT, a StowageError as it is, or NETWORK_ERROR for whatever fetch threw.
   */
  explain(error: unknown): unknown {
    if (this.#caller?.aborted) return this.#caller.reason;
    if (this.#timedOut) return new StowageError("TIMEOUT", `no answer from the server within ${this.#ms} ms`, { cause: error });
    if (error instanceof StowageError) return error;
    const detail = describe(error);
    return new StowageError("NETWORK_ERROR", `could not reach the server${detail ? `: ${detail}` : ""}`, { cause: error });
  }
}

/** fetch's own message is "fetch failed"; the reason is in its cause (ECONNREFUSED, …). */
function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** Waits `ms`, or rejects with the caller's abort reason. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
