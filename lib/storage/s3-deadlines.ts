import type { Readable } from "node:stream";
import type { Socket } from "node:net";
import type { S3Client, S3ClientConfig } from "@aws-sdk/client-s3";

/**
 * How long Stowage waits for S3. An endpoint that accepts connections but never answers (a hung
 * gateway or load balancer) must turn into a 503 within seconds, while a 10 GB upload or a slow
 * client's download must never be cut off by a total-time limit. What @smithy/node-http-handler
 * 4.14 does with its options (read in its source):
 * - connectionTimeout: until the TCP connection is up.
 * - requestTimeout: from the start of a request until the response headers arrive (the timer is
 *   cleared then, so a download's body is not bound by it); only with throwOnRequestTimeout does
 *   it fail the request, otherwise it logs a warning and waits on.
 * - socketTimeout: no byte sent or received on the connection for that long, response body
 *   included (armed 3 s after the request starts when it is 6 s or more).
 */
export const S3_CONNECT_TIMEOUT_MS = 3_000;
/** Calls that carry no body to speak of (HEAD, DELETE, LIST, multipart create/abort, GET until its headers). */
export const S3_CALL_TIMEOUT_MS = 5_000;
/** Calls that stream a body: no byte either way for this long. S3 itself drops a connection idle for ~20 s. */
export const S3_IDLE_TIMEOUT_MS = 15_000;
/** Above this a request body is a transfer, timed by idleness only; below it the call deadline holds. */
const SMALL_BODY_BYTES = 1024 * 1024;

type THandler = {
  handle(request: { body?: unknown }, options?: { abortSignal?: AbortSignal; requestTimeout?: number }): Promise<unknown>;
};

export function s3RequestHandlerOptions(): S3ClientConfig["requestHandler"] {
  return { connectionTimeout: S3_CONNECT_TIMEOUT_MS, socketTimeout: S3_IDLE_TIMEOUT_MS, throwOnRequestTimeout: true };
}

function isTransfer(body: unknown): boolean {
  if (body === undefined || body === null) return false;
  if (typeof body === "string") return Buffer.byteLength(body) > SMALL_BODY_BYTES;
  if (body instanceof Uint8Array) return body.byteLength > SMALL_BODY_BYTES;
  return true; // a stream: its length is whatever the source sends
}

/** Thrown instead of the handler's TimeoutError, whose name the SDK would retry: retrying a hang only multiplies the wait. */
class S3DeadlineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "S3Timeout";
  }
}

/**
 * Gives every request of this client its deadline (the SDK takes a per-request requestTimeout,
 * but lib-storage's Upload sends without options, so the rule lives in the handler), and makes
 * timeouts final. Connection failures (a reset keep-alive socket) are still retried.
 */
export function applyS3Deadlines(client: S3Client): void {
  const config = client.config as unknown as { requestHandler: THandler };
  const inner = config.requestHandler;
  const handle: THandler["handle"] = async (request, options = {}) => {
    const requestTimeout = isTransfer(request.body) ? options.requestTimeout : (options.requestTimeout ?? S3_CALL_TIMEOUT_MS);
    try {
      return await inner.handle(request, { ...options, requestTimeout });
    } catch (error) {
      if ((error as Error | null)?.name === "TimeoutError") throw new S3DeadlineError((error as Error).message);
      throw error;
    }
  };
  // The SDK's handler with handle wrapped: destroy, updateHttpClientConfig and the rest act on it.
  config.requestHandler = new Proxy(inner as THandler & object, {
    get(target, property) {
      if (property === "handle") return handle;
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * While a download waits for a slow reader, S3 is not silent: we are. Stops the idle timer of a
 * response body's connection for the wait (again every second, as the SDK may arm it late).
 */
export async function withoutIdleTimer<T>(body: Readable, wait: Promise<T>): Promise<T> {
  const socket = (body as Readable & { socket?: Socket | null }).socket;
  if (!socket) return wait;
  socket.setTimeout(0);
  const again = setInterval(() => socket.setTimeout(0), 1_000);
  try {
    return await wait;
  } finally {
    clearInterval(again);
    if (!socket.destroyed) socket.setTimeout(S3_IDLE_TIMEOUT_MS);
  }
}
