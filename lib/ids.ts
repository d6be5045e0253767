import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * Lowercase, time-ordered ids: 10 chars of milliseconds then 16 random chars. Sorting by id is
 * sorting by creation time, which keeps cursor pagination on the primary key. Lowercase
 * alphanumerics also make them valid blob-key segments.
 */
export function newId(now = Date.now()): string {
  let time = "";
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 36] + time;
    t = Math.floor(t / 36);
  }
  const bytes = randomBytes(16);
  let rand = "";
  for (const b of bytes) rand += ALPHABET[b % 36];
  return time + rand;
}
