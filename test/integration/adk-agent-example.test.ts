import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Stowage } from "../../packages/client/src/index.ts";
import { createAgent, uniq } from "../support/api.ts";

const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

// examples/adk-agent as a user runs it: a process of its own that imports @stowage/client/adk
// (the built package) and @google/adk, against the real server.
describe("examples/adk-agent", () => {
  let scratch: string;
  let example: string;

  beforeAll(async () => {
    await run("npm", ["run", "build", "-w", "@stowage/client"], { cwd: root });
    // A copy of the package and the example: another test file rebuilds dist (removing it first).
    scratch = mkdtempSync(path.join(os.tmpdir(), "stowage-adk-example-"));
    const pkg = path.join(scratch, "node_modules/@stowage/client");
    mkdirSync(pkg, { recursive: true });
    cpSync(path.join(root, "packages/client/package.json"), path.join(pkg, "package.json"));
    cpSync(path.join(root, "packages/client/dist"), path.join(pkg, "dist"), { recursive: true });
    symlinkSync(path.join(root, "node_modules/@google"), path.join(scratch, "node_modules/@google"));
    // An ES module, as under the repository's package.json.
    writeFileSync(path.join(scratch, "package.json"), JSON.stringify({ type: "module" }));
    example = path.join(scratch, "main.ts");
    cpSync(path.join(root, "examples/adk-agent/main.ts"), example);
  }, 180_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("runs an LlmAgent whose tools save and load artifacts in Stowage", async () => {
    const agent = await createAgent(uniq("adk-example"));
    const { stdout } = await run(process.execPath, ["--import", path.join(root, "scripts/register-hooks.mjs"), example], {
      cwd: scratch,
      env: { ...process.env, STOWAGE_URL: inject("baseUrl"), STOWAGE_API_KEY: agent.key, STOWAGE_NAMESPACE: "" },
      timeout: 60_000,
    });
    expect(stdout).toContain("reporter calls save_report(");
    expect(stdout).toContain("reporter calls load_artifacts(");
    expect(stdout).toContain("reporter: The report says: # Weekly summary");
    const session = /session (stowage-example\/demo-user\/\S+):/.exec(stdout)?.[1];
    expect(session, stdout).toBeDefined();

    const stowage = new Stowage({ url: inject("baseUrl"), apiKey: agent.key });
    const report = await stowage.artifacts.lookup({ namespace: agent.namespace, sessionId: session!, name: "reports/summary.md" });
    expect(report.latest).toMatchObject({ version: 0, mimeType: "text/plain" });
    expect(await (await stowage.artifacts.download(report.id)).text()).toBe("# Weekly summary\n\nStowage kept every version.\n");
    const prefs = await stowage.artifacts.lookup({
      namespace: agent.namespace,
      sessionId: "stowage-example/demo-user",
      name: "user:preferences.json",
    });
    expect(await (await stowage.artifacts.download(prefs.id)).json()).toEqual({ format: "markdown" });
    expect(stdout).toMatch(/reports\/summary\.md {2}v0 {2}http:\/\/\S+\/content\?version=0/);
    expect(stdout).toMatch(/user:preferences\.json {2}v0/);
  });
});
