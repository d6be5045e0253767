import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { routeMatcher } from "../observability/route-labels.ts";
import { requestBody } from "../http/request-body.ts";
import { validationFailed } from "../errors.ts";
import { drainSmallRemainder } from "./node-response.ts";

/** A Next.js route handler as app/api's route files export them: a web Request in, a Response out. */
type TRouteHandler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export type TApiRouteModule = { label: string; module: Record<string, unknown> };

/**
 * Serves app/api's route handlers without Next.js. Next's route runtime costs 1.5 to 1.9 ms of
 * CPU per JSON request (the small-ops bench's profile), more than the request's own queries,
 * and the handlers need none of it: they take a web Request, give a Response and import nothing
 * of Next. The same handler modules serve both ways (Next in development, where it reloads
 * them). Next still answers whatever the table does not take: pages, paths with a trailing
 * slash (its redirect), and methods a route does not export (its automatic HEAD and OPTIONS,
 * its 405). Returns false for those.
 */
export function directApiRoutes(routes: TApiRouteModule[]): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const match = routeMatcher(routes.map((r) => ({ label: r.label, value: r.module })));
  return async (req, res) => {
    const target = req.url ?? "/";
    const pathname = target.split("?")[0]!;
    if (pathname.length > 1 && pathname.endsWith("/")) return false;
    const found = match(pathname);
    const handler = found?.value[req.method ?? ""];
    if (typeof handler !== "function") return false;
    const params = decodeParams(found!.params);
    const method = req.method!;
    const request = new Request(new URL(target, `http://${req.headers.host ?? "localhost"}`), {
      method,
      headers: headersOf(req),
      ...(hasBody(req) ? { body: webStream(requestBody(req)), duplex: "half" } : {}),
    } as RequestInit);
    const response = await (handler as TRouteHandler)(request, { params: Promise.resolve(params) });
    await writeResponse(req, res, response);
    return true;
  };
}

// As Next decodes them; the composition root has already refused malformed escapes.
function decodeParams(params: Record<string, string | string[]>): Record<string, string | string[]> {
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      throw validationFailed("the request path has a malformed % escape");
    }
  };
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.map(decode) : decode(v)]));
}

const hasBody = (req: IncomingMessage) =>
  req.method !== "GET" &&
  req.method !== "HEAD" &&
  (Number(req.headers["content-length"]) > 0 || req.headers["transfer-encoding"] !== undefined);

// Pulled as the handler reads; a handler that stops early leaves the request open (requestBody).
function webStream(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return?.();
    },
  });
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  return headers;
}

/**
 * Writes the Response: a body that comes in one piece (every JSON answer) with its
 * Content-Length, anything longer streamed chunk by chunk. The security headers are already on
 * `res`; a header the handler sets (a download's own CSP) replaces its default.
 */
async function writeResponse(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("Set-Cookie", cookies);
  // A handler that answered without reading the whole body (a refusal): drop a small rest so the
  // connection stays usable, else close it.
  if (!req.complete && !(await drainSmallRemainder(req))) res.setHeader("Connection", "close");
  res.statusCode = response.status;
  if (!response.body || req.method === "HEAD") {
    await response.body?.cancel();
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    const first = await reader.read();
    const second = first.done ? first : await reader.read();
    if (second.done) {
      const only = first.value ?? new Uint8Array(0);
      res.setHeader("Content-Length", only.byteLength);
      res.end(only);
      return;
    }
    res.write(first.value);
    if (!res.write(second.value)) await drained(res);
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      if (res.destroyed) return void (await reader.cancel());
      if (!res.write(next.value)) await drained(res);
    }
    res.end();
  } catch (error) {
    // Headers are out: cutting the connection is all that tells the client the body is short.
    console.error("Stowage: response failed mid-stream", error);
    res.destroy();
    await reader.cancel().catch(() => undefined);
  }
}

const drained = (res: ServerResponse) =>
  new Promise<void>((resolve) => {
    if (res.destroyed) return resolve();
    const done = () => {
      res.off("drain", done).off("close", done);
      resolve();
    };
    res.on("drain", done).on("close", done);
  });
