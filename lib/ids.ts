import { randomBytes } from "node:crypto";
import { processState } from "./process-state.ts";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

function base36(value: number, width: number): string {
  let out = "";
  for (let i = 0; i < width; i++) {
    out = ALPHABET[value % 36] + out;
    value = Math.floor(value / 36);
  }
  return out;
}

// Per process, not per module copy: two copies would each restart the sequence and make ids
// of the same millisecond out of order.
const clock = () => processState("ids.clock", () => ({ lastTime: 0, sequence: 0 }));

/**
 * Lowercase, time-ordered ids: 10 chars of milliseconds, a 4-char sequence that keeps ids made
 * in the same millisecond (by this process) in order, then 12 random chars. Sorting by id is
 * sorting by creation time, which keeps cursor pagination on the primary key. Lowercase
 * alphanumerics also make them valid blob-key segments.
 */
export function newId(now = Date.now()): string {
  const c = clock();
  if (now <= c.lastTime) {
    now = c.lastTime;
    c.sequence++;
    // 36^4 ids in one millisecond: borrow the next millisecond rather than wrap.
    if (c.sequence >= 36 ** 4) {
      now = ++c.lastTime;
      c.sequence = 0;
    }
  } else {
    c.lastTime = now;
    c.sequence = 0;
  }
  let rand = "";
  for (const b of randomBytes(12)) rand += ALPHABET[b % 36];
  return base36(now, 10) + base36(c.sequence, 4) + rand;
}

/** The smallest id made at `ms` or later: time ranges become id ranges (an index seek). */
export function idTimePrefix(ms: number): string {
  return base36(Math.max(0, Math.floor(ms)), 10);
}
