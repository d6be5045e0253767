import type { Writable } from "node:stream";
import type { ByteRange } from "./blob-store.ts";

/** Resolves when the sink wants more, or can take no more at all (closed, errored). */
export function drained(sink: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      sink.off("drain", done).off("close", done).off("error", done);
      resolve();
    };
    sink.on("drain", done).on("close", done).on("error", done);
  });
}

export function assertValidRange(range: ByteRange): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`invalid byte range: ${start}-${end}`);
  }
}
