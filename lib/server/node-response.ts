import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Writable } from "node:stream";
import { errorPayload } from "../http/error-response.ts";
import { isClientAbort } from "../http/is-client-abort.ts";

/** Node request headers as a web Headers object (what the shared readers take). */
export function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

export async function writeResult(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: ((sink: Writable) => Promise<void>) | null,
): Promise<void> {
  // The security headers are already set: the composition root gives every response the same ones.
  res.writeHead(status, headers);
  if (!body) {
    res.end();
    return;
  }
  try {
    await body(res);
    res.end();
  } catch (error) {
    // Headers are out: all that is left is to cut the connection so the client sees a short body.
    console.error("Stowage: download failed mid-stream", error);
    res.destroy();
  }
}

export function writeJson(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(data);
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": String(Buffer.byteLength(text)),
    "Cache-Control": "no-store",
    ...headers,
  });
  res.end(text);
}

export async function writeError(req: IncomingMessage, res: ServerResponse, error: unknown): Promise<void> {
  // The client went away mid-request (a cancelled upload): nobody to answer, nothing to log.
  if (req.destroyed && isClientAbort(error)) {
    res.destroy();
    return;
  }
  const { status, headers, body } = errorPayload(error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  // An upload refused early leaves its body unread: close the connection rather than read it all.
  if (!(await drainSmallRemainder(req))) headers.Connection = "close";
  writeJson(res, status, body, headers);
}

// Enough to take in what a client sends between our answer and its noticing it (bodies are
// refused within a few MiB of the limit), small enough to cost nothing.
const DRAIN_MAX_BYTES = 8 * 1024 * 1024;
const DRAIN_MAX_MS = 5_000;

/**
 * Reads and drops what is left of a small request body. Answering while the client is still
 * sending and then closing makes many clients fail with EPIPE/ECONNRESET instead of reading the
 * answer. Resolves false (close the connection) for a large, slow or broken remainder.
 */
export function drainSmallRemainder(req: IncomingMessage): Promise<boolean> {
  if (req.complete) return Promise.resolve(true);
  if (req.destroyed || Number(req.headers["content-length"]) > DRAIN_MAX_BYTES) return Promise.resolve(false);
  return new Promise((resolve) => {
    let seen = 0;
    const finish = (drained: boolean) => {
      clearTimeout(timer);
      req.off("readable", onReadable).off("end", onEnd).off("error", onFail).off("close", onClose);
      if (!drained) req.pause();
      resolve(drained);
    };
    // read() rather than resume(): resume() does nothing while another 'readable' listener is
    // attached (an async iterator over the body that the handler never finished), and the
    // drain would wait out its deadline.
    const onReadable = () => {
      for (let chunk: Buffer | null; (chunk = req.read() as Buffer | null) !== null;) {
        seen += chunk.length;
        if (seen > DRAIN_MAX_BYTES) return finish(false);
      }
    };
    const onEnd = () => finish(true);
    const onFail = () => finish(false);
    const onClose = () => finish(req.complete);
    const timer = setTimeout(() => finish(false), DRAIN_MAX_MS);
    // A multipart parser may still be attached; the remainder is ours to drop now.
    req.unpipe();
    req.on("readable", onReadable).on("end", onEnd).on("error", onFail).on("close", onClose);
    onReadable();
  });
}
