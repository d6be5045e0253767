import "server-only";
import { processState } from "../process-state.ts";

// Failed sign-ins per email: after MAX_FAILURES within WINDOW_MS, further attempts for that email
// are refused until the window has passed. Kept in memory: per instance, reset on restart, which
// is enough to turn guessing into a crawl (scrypt already costs each guess ~0.2 s of CPU).
const MAX_FAILURES = 10;
const WINDOW_MS = 15 * 60_000;
const MAX_TRACKED = 10_000;

// One table per process, whichever copy of lib/ (the custom server's or Next's) counts a failure.
const failuresTable = () => processState("sign-in-failures", () => new Map<string, { count: number; since: number }>());

export function isSignInThrottled(email: string, now = Date.now()): boolean {
  const failures = failuresTable();
  const entry = failures.get(email);
  if (!entry) return false;
  if (now - entry.since > WINDOW_MS) {
    failures.delete(email);
    return false;
  }
  return entry.count >= MAX_FAILURES;
}

export function recordSignInFailure(email: string, now = Date.now()): void {
  const failures = failuresTable();
  const entry = failures.get(email);
  if (entry && now - entry.since <= WINDOW_MS) entry.count++;
  else {
    // Bounded: a flood of made-up emails cannot grow the map without limit.
    if (failures.size >= MAX_TRACKED) failures.delete(failures.keys().next().value!);
    failures.set(email, { count: 1, since: now });
  }
}

export function clearSignInFailures(email: string): void {
  failuresTable().delete(email);
}
