import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { StowageError } from "../errors.ts";
import { METRICS_CONTENT_TYPE, renderMetrics } from "../observability/metrics.ts";
import { writeError } from "./node-response.ts";

export const METRICS_PATH = "/metrics";

// Hashing first makes both sides the same length, so the comparison takes the same time
// whatever the token sent, and its length is not revealed either.
const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * GET /metrics for Prometheus, with `Authorization: Bearer <STOWAGE_METRICS_TOKEN>`. Without
 * the setting it does not exist: the request goes on to Next.js, which answers its usual 404.
 * Returns whether it answered.
 */
export function handleMetricsRoute(req: IncomingMessage, res: ServerResponse, token: string | undefined): boolean {
  if (!token || (req.url ?? "").split("?")[0] !== METRICS_PATH || (req.method !== "GET" && req.method !== "HEAD")) return false;
  const sent = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
  if (!timingSafeEqual(digest(sent), digest(token))) {
    void writeError(
      req,
      res,
      new StowageError("UNAUTHENTICATED", "send the metrics token as `Authorization: Bearer <STOWAGE_METRICS_TOKEN>`"),
    );
    return true;
  }
  const text = renderMetrics();
  res.writeHead(200, {
    "Content-Type": METRICS_CONTENT_TYPE,
    "Content-Length": String(Buffer.byteLength(text)),
    "Cache-Control": "no-store",
  });
  res.end(req.method === "HEAD" ? undefined : text);
  return true;
}
