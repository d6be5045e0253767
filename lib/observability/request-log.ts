import "server-only";

/**
 * One request as the log records it. Only the route pattern, never the path or query: share
 * tokens and part-URL signatures travel there. No header values besides the request id.
 */
export type TRequestRecord = {
  method: string;
  route: string;
  status: number;
  durationMs: number;
  bytesIn: number;
  bytesOut: number;
  identity: string | undefined;
  requestId: string;
  /** The connection closed before the response was complete. */
  aborted: boolean;
};

export type TLogFormat = "text" | "json";

const levelOf = (r: TRequestRecord) => (r.status >= 500 ? "error" : r.aborted ? "warn" : "info");

export function formatRequestLog(r: TRequestRecord, format: TLogFormat, now = new Date()): string {
  const time = now.toISOString();
  if (format === "json") {
    return JSON.stringify({
      time,
      level: levelOf(r),
      msg: "request",
      method: r.method,
      route: r.route,
      status: r.status,
      durationMs: r.durationMs,
      bytesIn: r.bytesIn,
      bytesOut: r.bytesOut,
      ...(r.identity ? { identity: r.identity } : {}),
      requestId: r.requestId,
      ...(r.aborted ? { aborted: true } : {}),
    });
  }
  return `${time} ${levelOf(r)} ${r.method} ${r.route} ${r.status} ${r.durationMs}ms in=${r.bytesIn} out=${r.bytesOut} identity=${r.identity ?? "-"} request=${r.requestId}${r.aborted ? " aborted" : ""}`;
}
