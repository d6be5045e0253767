import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { METHODS } from "node:http";
import type { TRequestContext } from "../observability/request-context.ts";
import { formatRequestLog, type TLogFormat } from "../observability/request-log.ts";
import { bytesReceived, bytesSent, httpDuration, httpRequests, uploadsInFlight } from "../observability/stowage-metrics.ts";

const KNOWN_METHODS = new Set(METHODS);

/** Routes whose request body is an upload, for stowage_uploads_in_flight. */
const UPLOAD_ROUTES = new Set(["POST /api/v1/artifacts", "PUT /api/v1/uploads/{id}/parts/{n}"]);

/**
 * Counts the request's body bytes in and out and, when the response has finished or the
 * connection closed, writes its one log line and its metrics. Counting hooks the stream methods
 * rather than listening for "data", which would start reading a body before its handler does.
 */
export function observeRequest(
  req: IncomingMessage,
  res: ServerResponse,
  options: { route: string; context: TRequestContext; logFormat: TLogFormat },
): void {
  const started = process.hrtime.bigint();
  const method = KNOWN_METHODS.has(req.method ?? "") ? req.method! : "OTHER";
  let bytesIn = 0;
  let bytesOut = 0;

  // Node's HTTP parser hands every body chunk to push().
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk) bytesIn += chunkLength(chunk, encoding);
    return push(chunk, encoding);
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    bytesOut += chunkLength(chunk, typeof rest[0] === "string" ? (rest[0] as BufferEncoding) : undefined);
    return write(chunk, ...rest);
  }) as typeof res.write;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== "function") bytesOut += chunkLength(chunk, typeof rest[0] === "string" ? (rest[0] as BufferEncoding) : undefined);
    return end(chunk, ...rest);
  }) as typeof res.end;

  const upload = UPLOAD_ROUTES.has(`${method} ${options.route}`);
  if (upload) uploadsInFlight.add(1);

  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    if (upload) uploadsInFlight.add(-1);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const status = res.statusCode;
    const aborted = !res.writableFinished;
    const { route } = options;
    httpRequests.inc({ method, route, status: String(status) });
    httpDuration.observe(seconds, { method, route });
    bytesReceived.inc({}, bytesIn);
    bytesSent.inc({}, bytesOut);
    const line = formatRequestLog(
      {
        method,
        route,
        status,
        durationMs: Math.round(seconds * 10_000) / 10,
        bytesIn,
        bytesOut,
        identity: options.context.identity,
        requestId: options.context.requestId,
        aborted,
      },
      options.logFormat,
    );
    process.stdout.write(`${line}\n`);
  };
  res.once("finish", finish);
  res.once("close", finish);
}

function chunkLength(chunk: unknown, encoding?: BufferEncoding): number {
  if (typeof chunk === "string") return Buffer.byteLength(chunk, encoding);
  if (chunk instanceof Uint8Array) return chunk.byteLength;
  return 0;
}
