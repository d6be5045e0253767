import http from "node:http";

export type TAnswer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; json: <T = any>() => T };

export type TRequestOptions = {
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Send the body without Content-Length (Transfer-Encoding: chunked), in pieces of this size. */
  chunked?: number;
  /** Wait this long between two pieces of a chunked body: a slow client. */
  pieceDelayMs?: number;
  agent?: http.Agent | false;
};

/**
 * One HTTP request with Node's own client, so the test decides exactly how the body goes out
 * (declared length, or chunked and slow). Rejects only when no HTTP answer came back (refused,
 * reset), with the socket error's code.
 */
export function httpRequest(url: string, o: TRequestOptions = {}): Promise<TAnswer> {
  const target = new URL(url);
  if (target.hostname !== "127.0.0.1") throw new Error(`tests talk to 127.0.0.1 only, not ${target.hostname}`);
  const body = typeof o.body === "string" ? Buffer.from(o.body) : o.body;
  const headers: Record<string, string> = { ...o.headers };
  if (body && !o.chunked) headers["content-length"] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = http.request(target, { method: o.method ?? "GET", headers, agent: o.agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const all = Buffer.concat(chunks);
        resolve({ status: res.statusCode!, headers: res.headers, body: all, json: () => JSON.parse(all.toString("utf8")) });
      });
    });
    req.on("error", reject);
    if (!body) return void req.end();
    if (!o.chunked) return void req.end(body);
    const piece = o.chunked;
    void (async () => {
      for (let at = 0; at < body.length; at += piece) {
        if (req.destroyed) return;
        req.write(body.subarray(at, at + piece));
        if (o.pieceDelayMs) await new Promise((r) => setTimeout(r, o.pieceDelayMs));
      }
      req.end();
    })();
  });
}

/** True for errors that mean "no HTTP answer": what a load balancer retries elsewhere. */
export function isConnectionError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException)?.code;
  return (
    ["ECONNREFUSED", "ECONNRESET", "EPIPE", "ECONNABORTED"].includes(code ?? "") || /socket hang up/.test((error as Error)?.message ?? "")
  );
}
