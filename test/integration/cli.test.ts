import { execFile, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { adminApi, createAgent, uniq } from "../support/api.ts";

const root = path.resolve(import.meta.dirname, "../..");
const bytesOf = (size: number, seed = 7) => Buffer.from(Uint8Array.from({ length: size }, (_, i) => (i * 31 + seed) % 251));

type Result = { code: number | null; stdout: Buffer; out: string; stderr: string };

describe("the stowage CLI (the built bin, as a subprocess, against the real server)", () => {
  let scratch: string;
  let bin: string;
  let agent: Awaited<ReturnType<typeof createAgent>>;

  /** Runs the bin with only the environment given (no STOWAGE_* from the test runner's). */
  function stowage(args: string[], options: { env?: Record<string, string>; input?: Buffer | string; cwd?: string } = {}): Promise<Result> {
    const env: NodeJS.ProcessEnv = {
      NODE_ENV: "test",
      PATH: process.env.PATH ?? "",
      HOME: scratch,
      XDG_CONFIG_HOME: path.join(scratch, "config"),
      ...options.env,
    };
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [bin, ...args], { cwd: options.cwd ?? scratch, env });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
      child.on("error", reject);
      child.on("close", (code) => {
        const all = Buffer.concat(stdout);
        resolve({ code, stdout: all, out: all.toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8") });
      });
      child.stdin.end(options.input ?? "");
    });
  }

  /** As the agent, by the environment variables. */
  const asAgent = (args: string[], options: { input?: Buffer | string; cwd?: string; key?: string } = {}) =>
    stowage(args, { ...options, env: { STOWAGE_URL: inject("baseUrl"), STOWAGE_API_KEY: options.key ?? agent.key } });

  /** A call that must succeed; a failure shows what the CLI said. */
  async function ok(args: string[], options: { input?: Buffer | string; cwd?: string } = {}): Promise<Result> {
    const result = await asAgent(args, options);
    expect(result.code, `stowage ${args.join(" ")}: ${result.stderr}`).toBe(0);
    return result;
  }

  /** A failure: one line on stderr, `stowage: <message> (<CODE>)`, no stack trace. */
  function expectFailure(result: Result, exitCode: number, code: string) {
    expect(result.code, result.stderr).toBe(exitCode);
    expect(result.stderr).toMatch(new RegExp(`^stowage: .+ \\(${code}\\)\\n$`));
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), "stowage-cli-"));
    await promisify(execFile)("npm", ["run", "build", "-w", "@stowage/client"], { cwd: root });
    const built = path.join(root, "packages/client/dist/cli/main.js");
    expect(readFileSync(built, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(statSync(built).mode & 0o111).not.toBe(0);
    // Run a copy: another test file rebuilds dist (removing it first) while this one runs.
    const pkg = path.join(scratch, "pkg");
    mkdirSync(pkg);
    cpSync(path.join(root, "packages/client/package.json"), path.join(pkg, "package.json"));
    cpSync(path.join(root, "packages/client/dist"), path.join(pkg, "dist"), { recursive: true });
    bin = path.join(pkg, "dist/cli/main.js");
    agent = await createAgent(uniq("cli"));
  }, 180_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("lists its commands and exit codes in --help, and explains each command", async () => {
    const help = await stowage(["--help"]);
    expect(help.code).toBe(0);
    for (const command of [
      "login",
      "whoami",
      "upload",
      "download",
      "cat",
      "ls",
      "versions",
      "share",
      "url",
      "rm",
      "usage",
      "runs",
      "sessions",
    ]) {
      expect(help.out).toMatch(new RegExp(`^  ${command} `, "m"));
    }
    expect(help.out).toContain("exit codes:");
    expect(help.out).toMatch(/^ {2}6 +too much: ARTIFACT_QUOTA_EXCEEDED/m);
    const upload = await stowage(["upload", "--help"]);
    expect(upload.code).toBe(0);
    expect(upload.out).toContain("usage: stowage upload <file…|->");
    expect(upload.out).toContain("--if-none-match");
    expect(upload.out).toContain("--json");
    const bare = await stowage([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain("usage: stowage <command>");
    expectFailure(await stowage(["make-coffee"]), 2, "USAGE");
  });

  it("logs in (checking the key), keeps the profile in a 0600 file, and whoami uses it", async () => {
    const noTty = await stowage(["login", "--url", inject("baseUrl")]);
    expectFailure(noTty, 2, "USAGE");
    expect(noTty.stderr).toContain("--api-key");

    const bad = await stowage(["login", "--url", inject("baseUrl"), "--api-key", "stw_not_a_key"]);
    expectFailure(bad, 4, "UNAUTHENTICATED");

    const login = await stowage(["login", "--url", inject("baseUrl"), "--api-key", agent.key]);
    expect(login.code, login.stderr).toBe(0);
    expect(login.out).toContain(`as ${agent.name}`);
    const file = path.join(scratch, "config/stowage/profiles.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ profiles: { default: { url: inject("baseUrl"), apiKey: agent.key } } });

    const whoami = await stowage(["whoami"]);
    expect(whoami.code, whoami.stderr).toBe(0);
    expect(whoami.out).toContain(agent.name);
    expect(whoami.out).toContain(`namespace: ${agent.namespace}`);
    const json = await stowage(["whoami", "--json"]);
    expect(JSON.parse(json.out).identity).toMatchObject({ name: agent.name, namespace: agent.namespace });

    // A second, named profile; the environment overrides a profile.
    const other = await createAgent(uniq("cli-other"));
    expect((await stowage(["login", "--profile", "other", "--url", inject("baseUrl"), "--api-key", other.key])).code).toBe(0);
    expect(JSON.parse((await stowage(["whoami", "--json", "--profile", "other"])).out).identity.name).toBe(other.name);
    const env = await stowage(["whoami", "--json"], { env: { STOWAGE_API_KEY: other.key } });
    expect(JSON.parse(env.out).identity.name).toBe(other.name);
    expectFailure(await stowage(["whoami", "--profile", "nope"]), 2, "NO_PROFILE");
    expectFailure(await stowage(["whoami"], { env: { STOWAGE_API_KEY: "stw_bad" } }), 4, "UNAUTHENTICATED");
  });

  /**
   * `stowage login` at a terminal: the bin runs under util-linux `script`, which gives it a
   * pseudo-terminal, and each answer is typed once its question shows. `transcript` is all the
   * terminal showed.
   */
  function loginAtTerminal(home: string, answers: { question: string; typed: string }[]) {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} login`;
    const env: NodeJS.ProcessEnv = {
      NODE_ENV: "test",
      PATH: process.env.PATH ?? "",
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, "config"),
      TERM: "dumb",
    };
    return new Promise<{ code: number | null; transcript: string }>((resolve, reject) => {
      const child = spawn("script", ["-qfec", command, "/dev/null"], { cwd: home, env });
      let transcript = "";
      let next = 0;
      child.stdout.on("data", (chunk: Buffer) => {
        transcript += chunk.toString("utf8");
        const answer = answers[next];
        if (answer && transcript.includes(answer.question)) {
          next++;
          child.stdin.write(answer.typed);
        }
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, transcript }));
    });
  }

  it("login at a terminal asks for the URL and then the key, which is not echoed; ^C there exits 130", async () => {
    const home = mkdtempSync(path.join(scratch, "tty-"));
    const login = await loginAtTerminal(home, [
      { question: "Stowage server URL: ", typed: `${inject("baseUrl")}\r` },
      { question: "API key (stw_…, not shown): ", typed: `${agent.key}\r` },
    ]);
    expect(login.code, login.transcript).toBe(0);
    expect(login.transcript).toContain(`as ${agent.name}`);
    expect(login.transcript).not.toContain(agent.key);
    expect(login.transcript).not.toContain(agent.key.slice(0, 12));
    const file = path.join(home, "config/stowage/profiles.json");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ profiles: { default: { url: inject("baseUrl"), apiKey: agent.key } } });

    // Again: the saved URL is offered as the default (Enter keeps it); ^C at the key gives up.
    const interrupted = await loginAtTerminal(home, [
      { question: `Stowage server URL [${inject("baseUrl")}]: `, typed: "\r" },
      { question: "API key (stw_…, not shown): ", typed: "stw_half\u0003" },
    ]);
    expect(interrupted.code, interrupted.transcript).toBe(130);
    expect(interrupted.transcript).toContain("(INTERRUPTED)");
    expect(interrupted.transcript).not.toContain("stw_half");
    expect(JSON.parse(readFileSync(file, "utf8")).profiles.default.apiKey).toBe(agent.key);
  });

  describe("publishing and reading", () => {
    let work: string;
    const session = uniq("chat");
    const run = uniq("run");

    beforeAll(() => {
      work = path.join(scratch, "work");
      mkdirSync(path.join(work, "reports/deep"), { recursive: true });
      writeFileSync(path.join(work, "reports/q1.csv"), "region,revenue\nemea,12\n");
      writeFileSync(path.join(work, "reports/q2.csv"), "region,revenue\napac,30\n");
      writeFileSync(path.join(work, "reports/deep/q3.csv"), "region,revenue\namer,7\n");
    });

    it("uploads two files in parallel with tags, metadata, session and run", async () => {
      const up = await ok(
        [
          "upload",
          "reports/q1.csv",
          "reports/q2.csv",
          "--namespace",
          agent.namespace,
          "--session",
          session,
          "--run",
          run,
          "--tags",
          "finance,quarterly",
          "--metadata",
          "model=gpt-x",
          "--metadata",
          '{"score":0.93}',
          "--json",
        ],
        { cwd: work },
      );
      const published = JSON.parse(up.out) as { artifact: any; version: any }[];
      expect(up.stderr).toBe("");
      expect(published.map((p) => p.artifact.name)).toEqual(["q1.csv", "q2.csv"]);
      for (const { artifact, version } of published) {
        expect(artifact).toMatchObject({ namespace: agent.namespace, sessionId: session, tags: ["finance", "quarterly"] });
        expect(version).toMatchObject({
          version: 0,
          runId: run,
          metadata: { model: "gpt-x", score: 0.93 },
          mimeType: expect.stringContaining("text/csv"),
        });
      }

      // Human output: one line per file.
      const again = await ok(["upload", "reports/q1.csv", "--session", session], { cwd: work });
      expect(again.out).toContain(`${agent.namespace}/q1.csv v1`);
    });

    it("expands a pattern the shell did not, with ** across directories", async () => {
      const up = await ok(["upload", "reports/**/*.csv", "--namespace", agent.namespace, "--session", uniq("glob"), "--json"], {
        cwd: work,
      });
      expect((JSON.parse(up.out) as { artifact: { name: string } }[]).map((p) => p.artifact.name)).toEqual(["q3.csv", "q1.csv", "q2.csv"]);
      expectFailure(await asAgent(["upload", "reports/*.parquet"], { cwd: work }), 3, "FILE_NOT_FOUND");
      expectFailure(await asAgent(["upload", "missing.txt"], { cwd: work }), 3, "FILE_NOT_FOUND");
    });

    it("uploads stdin under a name with /, and reads it back by <namespace>/<name>", async () => {
      expectFailure(await asAgent(["upload", "-"], { input: "x" }), 2, "USAGE");
      const up = await ok(["upload", "-", "--name", "notes/daily/today.md", "--content-type", "text/markdown", "--json"], {
        input: "# today\n",
      });
      const [{ artifact, version }] = JSON.parse(up.out);
      expect(artifact).toMatchObject({ namespace: agent.namespace, name: "notes/daily/today.md", sessionId: null });
      expect(version.mimeType).toContain("text/markdown");
      expect((await ok(["cat", `${agent.namespace}/notes/daily/today.md`])).out).toBe("# today\n");
      expect((await ok(["cat", artifact.id])).out).toBe("# today\n");
    });

    it("lists as a table and as JSON, with filters and a limit", async () => {
      const table = await ok(["ls", "--namespace", agent.namespace, "--session", session]);
      const lines = table.out.trimEnd().split("\n");
      expect(lines[0]).toMatch(/^ID +NAMESPACE +SESSION +NAME +VER +SIZE +TYPE +UPDATED +TAGS$/);
      expect(lines).toHaveLength(3);
      expect(table.out).toMatch(new RegExp(`${session} +q1\\.csv +v1 `));
      expect(table.out).toMatch(/finance,quarterly/);

      const json = JSON.parse((await ok(["ls", "--namespace", agent.namespace, "--session", session, "--json"])).out) as any[];
      expect(json.map((a) => a.name).sort()).toEqual(["q1.csv", "q2.csv"]);
      const byMeta = JSON.parse((await ok(["ls", "--namespace", agent.namespace, "--metadata", "model=gpt-x", "--json"])).out) as any[];
      expect(byMeta.map((a) => a.name)).toEqual(["q2.csv"]); // q1's latest version has no metadata
      const limited = JSON.parse((await ok(["ls", "--namespace", agent.namespace, "--limit", "2", "--json"])).out) as any[];
      expect(limited).toHaveLength(2);
      const prefix = JSON.parse((await ok(["ls", "--name", "notes/", "--json"])).out) as any[];
      expect(prefix.map((a) => a.name)).toEqual(["notes/daily/today.md"]);
    });

    it("shows versions, downloads to a file and to stdout, and cats", async () => {
      const ref = `${agent.namespace}/q1.csv`;
      const versions = JSON.parse((await ok(["versions", ref, "--session", session, "--json"])).out) as any[];
      expect(versions.map((v) => v.version)).toEqual([1, 0]);
      const table = await ok(["versions", ref, "--session", session]);
      expect(table.out).toMatch(/^VER +SIZE/);
      expect(table.out).toMatch(/^v1 /m);
      expect(table.out).toMatch(/^v0 /m);

      const here = path.join(scratch, "downloads");
      mkdirSync(here);
      const down = await ok(["download", ref, "--session", session], { cwd: here });
      expect(readFileSync(path.join(here, "q1.csv"))).toEqual(readFileSync(path.join(work, "reports/q1.csv")));
      expect(down.out).toContain("q1.csv");
      await ok(["download", ref, "--session", session, "--version", "0", "-o", "old.csv"], { cwd: here });
      expect(readFileSync(path.join(here, "old.csv"), "utf8")).toBe("region,revenue\nemea,12\n");

      const stdout = await ok(["download", ref, "--session", session, "-o", "-"]);
      expect(stdout.stdout).toEqual(readFileSync(path.join(work, "reports/q1.csv")));
      const cat = await ok(["cat", ref, "--session", session, "--version", "0"]);
      expect(cat.out).toBe("region,revenue\nemea,12\n");
      // Without --session, the name means the namespace-level artifact, which does not exist.
      expectFailure(await asAgent(["cat", ref]), 3, "ARTIFACT_NOT_FOUND");
    });

    it("shares a link and makes a URL that both work without a key", async () => {
      const ref = `${agent.namespace}/q2.csv`;
      const link = await ok(["share", ref, "--session", session, "--expires-in", "600"]);
      const shareUrl = link.out.trim();
      expect(shareUrl).toMatch(/^http.*\/api\/v1\/share\//);
      const shared = await fetch(shareUrl);
      expect(shared.status).toBe(200);
      expect(await shared.text()).toBe("region,revenue\napac,30\n");
      const json = JSON.parse((await ok(["share", ref, "--session", session, "--json"])).out);
      expect(json).toMatchObject({ url: expect.any(String), expiresAt: expect.any(String), version: 0 });

      const url = (await ok(["url", ref, "--session", session, "--version", "0", "--expires-in", "120"])).out.trim();
      const fetched = await fetch(url);
      expect(fetched.status).toBe(200);
      expect(await fetched.text()).toBe("region,revenue\napac,30\n");
    });

    it("deletes a version, then the artifact", async () => {
      const ref = `${agent.namespace}/q1.csv`;
      expect((await ok(["rm", ref, "--session", session, "--version", "0"])).out).toContain(`deleted ${ref} v0`);
      const left = JSON.parse((await ok(["versions", ref, "--session", session, "--json"])).out) as any[];
      expect(left.map((v) => v.version)).toEqual([1]);
      expectFailure(await asAgent(["cat", ref, "--session", session, "--version", "0"]), 3, "ARTIFACT_NOT_FOUND");
      const gone = JSON.parse((await ok(["rm", ref, "--session", session, "--json"])).out);
      expect(gone).toMatchObject({ deleted: true, name: "q1.csv", version: null });
      expectFailure(await asAgent(["cat", ref, "--session", session]), 3, "ARTIFACT_NOT_FOUND");
    });

    it("reports usage, runs and sessions", async () => {
      const usage = JSON.parse((await ok(["usage", agent.namespace, "--json"])).out);
      expect(usage).toMatchObject({ namespace: agent.namespace, artifactCount: expect.any(Number), quotaBytes: expect.any(Number) });
      expect(usage.usedBytes).toBeGreaterThan(0);
      expect((await ok(["usage"])).out).toMatch(new RegExp(`^${agent.namespace}: .+ of .+`));
      expect((await ok(["usage"])).out).not.toContain("versions kept");
      const ns = `/api/v1/namespaces/${encodeURIComponent(agent.namespace)}`;
      expect((await adminApi().json(ns, { method: "PATCH", json: { keepVersions: 5 } })).status).toBe(200);
      expect((await ok(["usage"])).out).toContain("\nversions kept per artifact: the newest 5\n");
      expect((await adminApi().json(ns, { method: "PATCH", json: { keepVersions: null } })).status).toBe(200);

      const runs = JSON.parse((await ok(["runs", "--namespace", agent.namespace, "--json"])).out) as any[];
      expect(runs.find((r) => r.id === run)).toMatchObject({ namespace: agent.namespace, sessionId: session });
      const runsTable = await ok(["runs", "--namespace", agent.namespace, "--session", session]);
      expect(runsTable.out).toMatch(/^RUN +NAMESPACE +SESSION +ARTIFACTS +VERSIONS +CREATED$/m);
      expect(runsTable.out).toContain(run);

      const sessions = JSON.parse((await ok(["sessions", "--namespace", agent.namespace, "--json"])).out) as any[];
      expect(sessions.find((s) => s.id === session)).toMatchObject({ namespace: agent.namespace, runCount: 1 });
      expect((await ok(["sessions"])).out).toContain(session);
    });
  });

  describe("failures and their exit codes", () => {
    it("not found → 3, bad key → 4, bad option or value → 2, a failed precondition → 5", async () => {
      expectFailure(await asAgent(["cat", "00nosuchartifact0000000000"]), 3, "ARTIFACT_NOT_FOUND");
      expectFailure(await asAgent(["versions", `${agent.namespace}/no/such/name`]), 3, "ARTIFACT_NOT_FOUND");
      expectFailure(await asAgent(["whoami"], { key: "stw_definitely_not_valid" }), 4, "UNAUTHENTICATED");
      expectFailure(await asAgent(["ls", "--bogus"]), 2, "USAGE");
      expectFailure(await asAgent(["ls", "--limit", "many"]), 2, "USAGE");
      expectFailure(await asAgent(["cat"]), 2, "USAGE");
      expectFailure(await asAgent(["cat", "some-id", "--session", "s"]), 2, "USAGE");
      expectFailure(await asAgent(["ls", "--namespace", "agent:someone-else"]), 4, "ARTIFACT_NAMESPACE_DENIED");

      const name = `${uniq("once")}.txt`;
      await ok(["upload", "-", "--name", name, "--if-none-match"], { input: "first" });
      expectFailure(await asAgent(["upload", "-", "--name", name, "--if-none-match"], { input: "second" }), 5, "ARTIFACT_VERSION_CONFLICT");

      // No server at all: unreachable → 7.
      const down = await stowage(["whoami"], { env: { STOWAGE_URL: "http://127.0.0.1:9", STOWAGE_API_KEY: agent.key } });
      expectFailure(down, 7, "NETWORK_ERROR");
    });

    it("over the quota → 6", async () => {
      const small = await createAgent(uniq("cli-quota"));
      const patched = await adminApi().json(`/api/v1/namespaces/${encodeURIComponent(small.namespace)}`, {
        method: "PATCH",
        json: { quotaBytes: 100 },
      });
      expect(patched.status).toBe(200);
      const file = path.join(scratch, "over-quota.bin");
      writeFileSync(file, bytesOf(1000));
      const refused = await asAgent(["upload", file], { key: small.key });
      expectFailure(refused, 6, "ARTIFACT_QUOTA_EXCEEDED");
    });
  });

  describe("progress", () => {
    it("prints plain progress lines on stderr when it is not a terminal, and nothing with --json", async () => {
      const file = path.join(scratch, "big.bin");
      writeFileSync(file, bytesOf(3 * 1024 * 1024));
      const up = await ok(["upload", file, "--name", "big.bin"]);
      expect(up.stderr).toMatch(/^upload big\.bin: 25% \(.+ of 3\.0 MiB\)$/m);
      expect(up.stderr).toMatch(/^upload big\.bin: 50% /m);
      expect(up.stderr).toMatch(/^upload big\.bin: done, 3\.0 MiB in [\d.]+ s/m);
      expect(up.stderr).not.toContain("\r");

      const quiet = await ok(["upload", file, "--name", "big.bin", "--json"]);
      expect(quiet.stderr).toBe("");
      expect(JSON.parse(quiet.out)[0].version).toMatchObject({ version: 1, sizeBytes: 3 * 1024 * 1024 });

      const down = await ok(["download", `${agent.namespace}/big.bin`, "-o", path.join(scratch, "big.copy")]);
      expect(down.stderr).toMatch(/^download big\.bin v1: done, 3\.0 MiB/m);
      // Buffer#equals: toEqual on megabytes compares element by element, for a minute.
      expect(readFileSync(path.join(scratch, "big.copy")).equals(readFileSync(file))).toBe(true);
      const silent = await ok(["download", `${agent.namespace}/big.bin`, "-o", "-", "--json"]);
      expect(silent.stderr).toBe("");
      expect(silent.stdout.equals(readFileSync(file))).toBe(true);
    });
  });
});
