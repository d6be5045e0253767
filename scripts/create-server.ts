import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import next from "next";
import { getConfig } from "../lib/config.ts";
import { runSweeps, startup } from "../lib/startup.ts";
import { handleStreamingRoute, STREAMING_ROUTE_LABELS } from "../lib/server/streaming-routes.ts";
import { applySecurityHeaders } from "../lib/server/security-headers.ts";
import { observeRequest } from "../lib/server/observe-request.ts";
import { handleMetricsRoute, METRICS_PATH } from "../lib/server/metrics-route.ts";
import { writeError } from "../lib/server/node-response.ts";
import { hasMalformedEscape } from "../lib/server/malformed-path.ts";
import { validationFailed } from "../lib/errors.ts";
import { requestIdFrom } from "../lib/observability/request-id.ts";
import { runWithRequestContext, type TRequestContext } from "../lib/observability/request-context.ts";
import { appRouteFiles, appRoutePatterns, routeLabeler } from "../lib/observability/route-labels.ts";
import { directApiRoutes, type TApiRouteModule } from "../lib/server/direct-api-routes.ts";

export type TServerOptions = { dir: string; port: number; hostname: string; dev: boolean };

/**
 * The Stowage server: migrations and bootstrap first, then one HTTP server in which the
 * byte-streaming routes run on Node streams, the JSON API's route handlers are called directly
 * (lib/server/direct-api-routes.ts; in development Next calls them, reloading them on change)
 * and everything else (pages, sign-in, static files) is Next.js.
 * Every request passes here first: it gets the one header policy, a request id, a context for
 * the identity authentication finds, and, when it is over, one log line and its metrics.
 */
export async function startStowageServer(options: TServerOptions): Promise<http.Server> {
  await startup();
  const config = getConfig();
  const app = next({ dev: options.dev, dir: options.dir, hostname: options.hostname, port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const direct = options.dev ? null : directApiRoutes(await loadApiRoutes(path.join(options.dir, "app")));
  const routeOf = routeLabeler([
    ...appRoutePatterns(path.join(options.dir, "app")),
    ...STREAMING_ROUTE_LABELS,
    METRICS_PATH,
    "/_next/{...asset}",
  ]);
  const server = http.createServer((req, res) => {
    const context: TRequestContext = { requestId: requestIdFrom(req.headers["x-request-id"]), identity: undefined };
    applySecurityHeaders(res);
    res.setHeader("X-Request-Id", context.requestId);
    observeRequest(req, res, { route: routeOf((req.url ?? "/").split("?")[0]!), context, logFormat: config.logFormat });
    runWithRequestContext(context, () => {
      if (hasMalformedEscape(req.url ?? "/"))
        return void writeError(req, res, validationFailed("the request path has a malformed % escape"));
      if (handleMetricsRoute(req, res, config.metricsToken)) return;
      handleStreamingRoute(req, res)
        .then(async (handled) => (handled || (direct && (await direct(req, res))) ? undefined : handle(req, res)))
        .catch((error) => {
          // writeError logs what is not a StowageError; after the headers only cutting the connection is left.
          if (!res.headersSent) return writeError(req, res, error).catch(() => res.destroy());
          console.error("Stowage: request failed", error);
          res.destroy();
        });
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
  }, config.gcIntervalMinutes * 60_000);
  sweeps.unref();
  server.once("close", () => clearInterval(sweeps));
  return server;
}

/** The route handlers of /api/v1 and /api/mcp (sign-in under /api/auth is next-auth's and stays with Next). */
async function loadApiRoutes(appDir: string): Promise<TApiRouteModule[]> {
  const files = appRouteFiles(appDir).filter((f) => f.kind === "route" && (f.label.startsWith("/api/v1/") || f.label === "/api/mcp"));
  return Promise.all(
    files.map(async (f) => ({ label: f.label, module: (await import(pathToFileURL(f.file).href)) as Record<string, unknown> })),
  );
}
