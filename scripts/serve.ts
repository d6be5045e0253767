// Starts Stowage: `npm start` (production build) or `npm run dev`.
// PORT (default 3000) and HOST (default 0.0.0.0) choose where it listens. Not HOSTNAME: shells
// and containers set that to the machine's name.
import path from "node:path";
import nextEnv from "@next/env";

const dev = process.argv.includes("--dev");
if (!dev) (process.env as Record<string, string>).NODE_ENV = "production";
const root = path.resolve(import.meta.dirname, "..");
// .env files, the way Next.js reads them, before any configuration is looked at.
nextEnv.loadEnvConfig(root, dev);
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const { startStowageServer } = await import("./create-server.ts");

try {
  const server = await startStowageServer({ dir: root, port, hostname, dev });
  console.log(`Stowage is listening on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
  // Responses not yet started, so that shutdown can mark them as the last on their connection.
  let closing = false;
  const unanswered = new Set<import("node:http").ServerResponse>();
  server.prependListener("request", (_req, res) => {
    if (closing) return void (res.shouldKeepAlive = false);
    unanswered.add(res);
    res.once("close", () => unanswered.delete(res));
  });
  // Stop taking requests, let uploads and downloads in flight finish (for up to 30 s), then exit.
  // A keep-alive connection would otherwise stay open after its last answer (until the client
  // lets it go), holding the exit for the full 30 s: answers still to come say
  // `Connection: close`, and connections are closed as soon as they fall idle.
  const shutdown = (signal: string) => {
    console.log(`Stowage: ${signal} received, finishing requests in flight`);
    closing = true;
    for (const res of unanswered) if (!res.headersSent) res.shouldKeepAlive = false;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 100).unref();
    setTimeout(() => process.exit(0), 30_000).unref();
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
} catch (error) {
  console.error("Stowage failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
}
