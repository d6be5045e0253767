import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export type TStartedServer = {
  baseUrl: string;
  port: number;
  process: ChildProcess;
  /** stdout and stderr interleaved. */
  output: () => string;
  /** stderr alone: what the server logged as errors. */
  errors: () => string;
  stop: () => Promise<void>;
};

const root = path.resolve(import.meta.dirname, "../..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/**
 * Exactly what `npm start` runs, read from package.json, minus npm in between (so signals reach
 * the server itself): `node <flags> <script>` becomes this Node binary with the same arguments.
 */
export function startArguments(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } };
  const [command, ...args] = pkg.scripts.start.split(/\s+/);
  if (command !== "node") throw new Error(`package.json "start" should run node, not ${command}`);
  return args;
}

/** Starts the production build as `npm start` does and waits until it answers. Needs `npm run build` first. */
export async function startServer(options: {
  dataDir: string;
  databaseUrl: string;
  adminKey?: string;
  env?: Record<string, string>;
  port?: number;
  /** Node flags before `npm start`'s own, for those NODE_OPTIONS refuses (e.g. --cpu-prof). */
  nodeArgs?: string[];
}): Promise<TStartedServer> {
  // A given port: a restart at the address clients already know.
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    STOWAGE_DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl,
    PORT: String(port),
    ...(options.adminKey ? { STOWAGE_ADMIN_KEY: options.adminKey } : {}),
    ...options.env,
  };
  env.HOST = "127.0.0.1";
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...startArguments()], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  let errors = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => {
    log += d;
    errors += d;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log}`);
    try {
      const res = await fetch(`${baseUrl}/api/v1/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not become healthy within 60 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    port,
    process: child,
    output: () => log,
    errors: () => errors,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}
