import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { builtClientCopy } from "../support/cli-bin.ts";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createAgent, uniq } from "../support/api.ts";
import { connectMcp, fails, ok } from "../support/mcp-client.ts";
import { describeMcpTools, type TMcpLineage } from "../support/mcp-tool-suite.ts";

const RESULT_MAX_KB = 16;
let scratch: string;
let bin: string;

/**
 * The built bin, as an MCP client starts it: a subprocess speaking the protocol on stdio. It runs
 * from a copy of dist (another test file rebuilds dist while this one runs) whose node_modules is
 * the repository's, as an installed package's would be.
 */
function connectStdio(env: Record<string, string>, args: string[] = [], cwd = scratch) {
  return connectMcp(
    new StdioClientTransport({
      command: process.execPath,
      args: [bin, ...args],
      cwd,
      env: { PATH: process.env.PATH ?? "", HOME: scratch, XDG_CONFIG_HOME: path.join(scratch, "config"), ...env },
      stderr: "pipe",
    }),
  );
}

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), "stowage-mcp-"));
  const pkg = await builtClientCopy(scratch, { withNodeModules: true });
  bin = path.join(pkg, "dist/mcp/main.js");
  expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  expect(statSync(bin).mode & 0o111).not.toBe(0);
  const manifest = JSON.parse(readFileSync(path.join(pkg, "package.json"), "utf8"));
  expect(manifest.bin["stowage-mcp"]).toBe("./dist/mcp/main.js");
}, 180_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The lineage as the bin's flags. */
const lineageFlags = ({ run, tool, model }: TMcpLineage = {}) => [
  ...(run === undefined ? [] : ["--run", run]),
  ...(tool === undefined ? [] : ["--tool", tool]),
  ...(model === undefined ? [] : ["--model", model]),
];

describeMcpTools(
  "stdio stowage-mcp",
  (key, lineage) =>
    connectStdio({ STOWAGE_URL: inject("baseUrl"), STOWAGE_API_KEY: key }, [
      "--result-max-kb",
      String(RESULT_MAX_KB),
      ...lineageFlags(lineage),
    ]),
  { resultMaxKb: RESULT_MAX_KB },
);

describe("stdio stowage-mcp: local files and configuration", () => {
  let agent: Awaited<ReturnType<typeof createAgent>>;
  beforeAll(async () => {
    agent = await createAgent(uniq("local"));
  });

  it("uploads a local file by path (relative to its working directory) and saves a version to a file", async () => {
    const work = path.join(scratch, "work");
    mkdirSync(work, { recursive: true });
    const bytes = Buffer.from(Uint8Array.from({ length: 256 * 1024 }, (_, i) => (i * 7) % 251));
    writeFileSync(path.join(work, "model.bin"), bytes);
    const client = await connectStdio({ STOWAGE_URL: inject("baseUrl"), STOWAGE_API_KEY: agent.key }, [], work);
    const { tools } = await client.listTools();
    expect(Object.keys(tools.find((t) => t.name === "artifact_upload")!.inputSchema.properties!)).toContain("path");
    expect(Object.keys(tools.find((t) => t.name === "artifact_read")!.inputSchema.properties!)).toContain("saveTo");

    const up = await ok(client, "artifact_upload", { namespace: agent.namespace, path: "model.bin", sessionId: "s1" });
    expect(up.json.artifact).toMatchObject({ name: "model.bin", sessionId: "s1" });
    expect(up.json.version.sizeBytes).toBe(bytes.length);
    const id = up.json.artifact.id as string;

    const saved = await ok(client, "artifact_read", { id, saveTo: "out/copy.bin" });
    expect(saved.json).toMatchObject({ saved: path.join(work, "out/copy.bin"), bytes: bytes.length, version: 0 });
    expect(readFileSync(path.join(work, "out/copy.bin")).equals(bytes)).toBe(true);
    const part = await ok(client, "artifact_read", { id, saveTo: path.join(work, "part.bin"), byteOffset: 1000, byteLength: 24 });
    expect(part.json.bytes).toBe(24);
    expect(readFileSync(path.join(work, "part.bin")).equals(bytes.subarray(1000, 1024))).toBe(true);

    await fails(client, "artifact_upload", { namespace: agent.namespace, path: "missing.bin" }, "FILE_NOT_FOUND");
    await client.close();
  });

  it("uses the CLI's profile when STOWAGE_URL and STOWAGE_API_KEY are not set", async () => {
    const config = path.join(scratch, "config", "stowage");
    mkdirSync(config, { recursive: true });
    writeFileSync(
      path.join(config, "profiles.json"),
      JSON.stringify({ profiles: { work: { url: inject("baseUrl"), apiKey: agent.key } } }),
    );
    const client = await connectStdio({}, ["--profile", "work"]);
    const listed = await ok(client, "artifact_list", { namespace: agent.namespace });
    expect(Array.isArray(listed.json.artifacts)).toBe(true);
    await client.close();
  });

  it("takes its run, tool and model from STOWAGE_RUN_ID, STOWAGE_TOOL and STOWAGE_MODEL, a flag winning over its variable", async () => {
    const [run, flagRun] = [uniq("env-run"), uniq("flag-run")];
    const env = {
      STOWAGE_URL: inject("baseUrl"),
      STOWAGE_API_KEY: agent.key,
      STOWAGE_RUN_ID: run,
      STOWAGE_TOOL: "env-tool",
      STOWAGE_MODEL: "env-model",
    };
    const lineage = async (id: string, version: number) =>
      (await agent.client.json(`/api/v1/artifacts/${id}/versions/${version}/lineage`)).body.producedBy;

    const client = await connectStdio(env);
    const up = await ok(client, "artifact_upload", { namespace: agent.namespace, name: "env.txt", text: "env\n" });
    const id = up.json.artifact.id as string;
    await client.close();
    expect(await lineage(id, 0)).toMatchObject({ run, tool: "env-tool", model: "env-model" });

    const flagged = await connectStdio(env, ["--run", flagRun, "--model", "flag-model"]);
    await ok(flagged, "artifact_append", { id, text: "flag\n" });
    await flagged.close();
    expect(await lineage(id, 1)).toMatchObject({ run: flagRun, tool: "env-tool", model: "flag-model" });
  });

  it("exits with one line on stderr when it has no server, and refuses a bad cap", async () => {
    const run = (args: string[], env: Record<string, string>) =>
      new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, [bin, ...args], {
          env: { NODE_ENV: "test", PATH: process.env.PATH ?? "", HOME: scratch, XDG_CONFIG_HOME: path.join(scratch, "none"), ...env },
        });
        let stderr = "";
        let stdout = "";
        child.stderr.on("data", (c: Buffer) => (stderr += c));
        child.stdout.on("data", (c: Buffer) => (stdout += c));
        child.on("close", (code) => resolve({ code, stderr, stdout }));
        child.stdin.end();
      });
    const none = await run([], {});
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^stowage-mcp: no server: .+ \(NOT_CONFIGURED\)\n$/);
    expect(none.stdout).toBe("");
    const bad = await run(["--result-max-kb", "1"], { STOWAGE_URL: inject("baseUrl") });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^stowage-mcp: the result cap must be .+\n$/);
    const help = await run(["--help"], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--result-max-kb");
    for (const flag of ["--run ID", "--tool NAME", "--model NAME", "STOWAGE_RUN_ID", "STOWAGE_TOOL", "STOWAGE_MODEL"])
      expect(help.stdout).toContain(flag);
  });
});
