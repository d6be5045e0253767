import "server-only";
import { randomUUID } from "node:crypto";

// Safe to echo and to write into a log line as it is: no spaces, quotes or control characters.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The client's X-Request-Id when it is sane (so a trace spans client and server), else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === "string" && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}
