import "server-only";
import type { Readable } from "node:stream";

/**
 * Bodies of unknown length hold quota in growing steps as they arrive: small at first, so a
 * small upload fits in a nearly full namespace, doubling up to 8 MiB, so a large one costs a
 * database write per 8 MiB at most.
 */
export const FIRST_RESERVATION = 64 * 1024;
const MAX_STEP = 8 * 1024 * 1024;

/**
 * Passes the body through, asking `grow` for more quota before the bytes received pass what is
 * held. A refusal (quota exceeded) ends the body with that error, so the store keeps nothing.
 */
export async function* reservingBody(
  body: Readable | AsyncIterable<Uint8Array>,
  held: number,
  grow: (more: number) => Promise<void>,
): AsyncGenerator<Uint8Array> {
  let received = 0;
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    received += bytes.byteLength;
    if (received > held) {
      const more = Math.max(Math.min(Math.max(held, FIRST_RESERVATION), MAX_STEP), received - held);
      await grow(more);
      held += more;
    }
    yield bytes;
  }
}
