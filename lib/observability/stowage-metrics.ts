import "server-only";
import { counter, gauge, histogram } from "./metrics.ts";

// Every metric Stowage exports, declared in one place (README "Operating" lists them).
export const httpRequests = counter("stowage_http_requests_total", "HTTP requests answered, by method, route pattern and status.");
export const httpDuration = histogram(
  "stowage_http_request_duration_seconds",
  "Time from a request's arrival to its response's end, by method and route pattern.",
  [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
);
export const bytesReceived = counter("stowage_http_bytes_received_total", "Request body bytes received.", { unlabelled: true });
export const bytesSent = counter("stowage_http_bytes_sent_total", "Response body bytes sent.", { unlabelled: true });
export const uploadsInFlight = gauge(
  "stowage_uploads_in_flight",
  "Uploads (whole artifacts and direct-upload parts) being received right now.",
  { unlabelled: true },
);
export const quotaRefusals = counter("stowage_quota_refusals_total", "Uploads refused with ARTIFACT_QUOTA_EXCEEDED.", { unlabelled: true });
export const sweepRuns = counter("stowage_sweep_runs_total", "Sweeps run to completion, by sweep (gc, uploads).");
export const sweepDeletions = counter("stowage_sweep_deletions_total", "What sweeps removed, by sweep and kind.");
export const blobStoreErrors = counter(
  "stowage_blob_store_errors_total",
  "Blob store operations that failed (unreachable or unexpected; a missing blob is not counted), by backend and operation.",
);
export const dbQueries = counter(
  "stowage_db_queries_total",
  "SQL statements sent to the database (counted only while /metrics is enabled).",
  { unlabelled: true },
);
