import "server-only";
import type { Readable } from "node:stream";

/**
 * A request's bytes for a store to consume, such that stopping early (a refusal: too large, over
 * quota, a wrong part size) leaves the request open. Iterating the request itself destroys it on
 * an early exit, and its socket with it, so the error answer was written to a closed connection
 * and clients still sending saw EPIPE instead of the 413; left open, the small rest of the body
 * is drained and the answer goes out on the kept-alive connection.
 */
export function requestBody(req: Readable): AsyncIterable<Uint8Array> {
  return { [Symbol.asyncIterator]: () => req.iterator({ destroyOnReturn: false }) };
}
