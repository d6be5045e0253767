import http from "node:http";
import next from "next";
import { getConfig } from "../lib/config.ts";
import { runSweeps, startup } from "../lib/startup.ts";
import { handleStreamingRoute } from "../lib/server/streaming-routes.ts";

export type TServerOptions = { dir: string; port: number; hostname: string; dev: boolean };

/**
 * The Stowage server: migrations and bootstrap first, then one HTTP server in which the
 * byte-streaming routes run on Node streams and everything else (pages, JSON API) is Next.js.
 */
export async function startStowageServer(options: TServerOptions): Promise<http.Server> {
  await startup();
  const app = next({ dev: options.dev, dir: options.dir, hostname: options.hostname, port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req, res) => {
    handleStreamingRoute(req, res)
      .then((handled) => (handled ? undefined : handle(req, res)))
      .catch((error) => {
        console.error("Stowage: request failed", error);
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
  });
  // Large uploads over slow links must not hit Node's default 5-minute request timeout.
  server.requestTimeout = 0;
  server.headersTimeout = 66_000;
  // Idle keep-alive connections stay open longer than clients and load balancers keep theirs
  // (60 s is common): a server closing first races a client reusing the socket, which then
  // fails with "other side closed" instead of getting an answer.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, resolve);
  });
  const sweeps = setInterval(() => {
    runSweeps().catch((error) => console.error("Stowage: sweep failed", error));
  }, getConfig().gcIntervalMinutes * 60_000);
  sweeps.unref();
  server.once("close", () => clearInterval(sweeps));
  return server;
}
