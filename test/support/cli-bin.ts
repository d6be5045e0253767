import { execFile, spawn } from "node:child_process";
import { cpSync, mkdirSync, symlinkSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { inject } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

export type TCliResult = { code: number | null; out: string; stderr: string };

/**
 * Builds the client package and copies it under `scratch` (another test file rebuilds dist while
 * this one runs), answering the copy's directory. `withNodeModules` links the repository's
 * node_modules beside it, for bins that load the package's dependencies (the MCP SDK, zod).
 */
export async function builtClientCopy(scratch: string, options: { withNodeModules?: boolean } = {}): Promise<string> {
  await promisify(execFile)("npm", ["run", "build", "-w", "@stowage/client"], { cwd: root });
  const pkg = path.join(scratch, "pkg");
  mkdirSync(pkg);
  cpSync(path.join(root, "packages/client/package.json"), path.join(pkg, "package.json"));
  cpSync(path.join(root, "packages/client/dist"), path.join(pkg, "dist"), { recursive: true });
  if (options.withNodeModules) symlinkSync(path.join(root, "node_modules"), path.join(pkg, "node_modules"));
  return pkg;
}

/** The `stowage` bin of a fresh builtClientCopy. */
export const builtCliCopy = async (scratch: string) => path.join(await builtClientCopy(scratch), "dist/cli/main.js");

/** Runs the bin as a user would in a terminal of their own: HOME and the config dir in `scratch`, the shared server and `key` in the environment. */
export function runCli(bin: string, args: string[], options: { scratch: string; key: string; input?: string }): Promise<TCliResult> {
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: "test",
    PATH: process.env.PATH ?? "",
    HOME: options.scratch,
    XDG_CONFIG_HOME: path.join(options.scratch, "config"),
    STOWAGE_URL: inject("baseUrl"),
    STOWAGE_API_KEY: options.key,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: options.scratch, env });
    let out = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, stderr }));
    child.stdin.end(options.input ?? "");
  });
}
