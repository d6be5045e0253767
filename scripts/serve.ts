// Starts Stowage: `npm start` (production build) or `npm run dev`.
// PORT (default 3000) and HOSTNAME (default 0.0.0.0) choose where it listens.
import path from "node:path";
import nextEnv from "@next/env";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";

if (!dev) (process.env as Record<string, string>).NODE_ENV = "production";
const root = path.resolve(import.meta.dirname, "..");
// .env files, the way Next.js reads them, before any configuration is looked at.
nextEnv.loadEnvConfig(root, dev);
const { startStowageServer } = await import("../lib/server/create-server.ts");

try {
  await startStowageServer({ dir: root, port, hostname, dev });
  console.log(`Stowage is listening on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
} catch (error) {
  console.error("Stowage failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
}
