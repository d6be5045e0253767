import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import type { Readable } from "node:stream";
import { errorPayload } from "../http/error-response.ts";

/** Node request headers as a web Headers object (what the shared readers take). */
export function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

const SECURITY_HEADERS = { "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer" };

export async function writeResult(res: ServerResponse, status: number, headers: Record<string, string>, body: Readable | null): Promise<void> {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers });
  if (!body) {
    res.end();
    return;
  }
  // pipeline destroys the file stream if the client goes away mid-download.
  await pipeline(body, res).catch(() => undefined);
}

export function writeJson(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(data);
  res.writeHead(status, { ...SECURITY_HEADERS, "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(text)), "Cache-Control": "no-store", ...headers });
  res.end(text);
}

export function writeError(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  const { status, headers, body } = errorPayload(error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  // An upload refused early leaves its body unread: close the connection rather than read it all.
  if (!req.complete) headers.Connection = "close";
  writeJson(res, status, body, headers);
}
