import { StowageError } from "./errors.js";

const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 8_000;

/** A gateway that lost the server, or a server (or its store) that is briefly unavailable. */
export const isRetriableStatus = (status: number): boolean => status === 502 || status === 503 || status === 504;

/** Failures that never reached an answer: the same request may well work a moment later. */
export const isRetriableError = (error: unknown): boolean =>
  error instanceof StowageError && (error.code === "NETWORK_ERROR" || error.code === "TIMEOUT");

/**
 * Exponential backoff with jitter, so clients that failed together do not retry together:
 * between half and all of 250 ms · 2^attempt, at most 8 s; a server's Retry-After (seconds) is
 * honoured up to the same cap.
 */
export function retryDelay(attempt: number, retryAfter: string | null | undefined): number {
  const seconds = retryAfter ? Number(retryAfter) : NaN;
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_DELAY_MS);
  const ceiling = Math.min(BASE_DELAY_MS * 2 ** attempt, MAX_DELAY_MS);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}
