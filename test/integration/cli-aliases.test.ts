import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtCliCopy, runCli, type TCliResult } from "../support/cli-bin.ts";
import { adminApi, createAgent, uniq } from "../support/api.ts";

type Result = TCliResult;

describe("the CLI's alias command and --alias reads (the built bin against the real server)", () => {
  let scratch: string;
  let bin: string;
  let agent: Awaited<ReturnType<typeof createAgent>>;

  function stowage(args: string[], input = "", key = agent.key): Promise<Result> {
    return runCli(bin, args, { scratch, key, input });
  }

  async function ok(args: string[], input = ""): Promise<Result> {
    const result = await stowage(args, input);
    expect(result.code, `stowage ${args.join(" ")}: ${result.stderr}`).toBe(0);
    return result;
  }
  /** A failure: its exit code, and one line on stderr naming the code. */
  async function fails(args: string[], exitCode: number, code: string, key = agent.key): Promise<Result> {
    const result = await stowage(args, "", key);
    expect(result.code, `stowage ${args.join(" ")}: ${result.stderr}`).toBe(exitCode);
    expect(result.stderr).toMatch(new RegExp(`^stowage: .+ \\(${code}\\)\\n$`));
    expect(result.out).toBe("");
    return result;
  }
  /** Three text versions of `name`: "zero", "one\nmiddle", "two". */
  async function threeVersions(name: string): Promise<string> {
    for (const content of ["zero\n", "one\nmiddle\n", "two\n"]) {
      await ok(["upload", "-", "--namespace", agent.namespace, "--name", name, "--content-type", "text/plain"], content);
    }
    return `${agent.namespace}/${name}`;
  }

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), "stowage-cli-aliases-"));
    bin = await builtCliCopy(scratch);
    agent = await createAgent(uniq("cli-aliases"));
  }, 180_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("documents alias and --alias in --help", async () => {
    expect((await ok(["--help"])).out).toMatch(/\n {2}alias +list, set/);
    const help = (await ok(["alias", "--help"])).out;
    for (const word of ["ls <ref>", "set <ref> <name> <version>", "rm <ref> <name>", "--protected", "--unprotected"])
      expect(help).toContain(word);
    for (const command of ["download", "cat", "text", "grep", "share", "url"])
      expect((await ok([command, "--help"])).out).toContain("--alias NAME");
    expect((await ok(["diff", "--help"])).out).toContain("--from-alias NAME");
    expect((await ok(["--help"])).out).toContain("ARTIFACT_VERSION_PROTECTED");
  });

  it("sets, moves, lists and removes aliases, as lines and as --json; versions shows them", async () => {
    const ref = await threeVersions("doc.txt");
    const empty = await ok(["alias", "ls", ref]);
    expect([empty.out, empty.stderr]).toEqual(["", `${ref} has no aliases\n`]);
    expect(JSON.parse((await ok(["alias", "ls", ref, "--json"])).out)).toEqual([]);

    expect((await ok(["alias", "set", ref, "production", "1"])).out).toBe(`created production → v1 of ${ref}\n`);
    expect((await ok(["alias", "set", ref, "production", "2", "--protected"])).out).toBe(`moved production → v2 of ${ref} (protected)\n`);
    const best = JSON.parse((await ok(["alias", "set", ref, "best", "0", "--json"])).out);
    expect(best).toMatchObject({ created: true, alias: { name: "best", version: 0, protected: false } });

    const table = (await ok(["alias", "ls", ref])).out.split("\n");
    expect(table[0]).toMatch(/^NAME +VER +PROTECTED +UPDATED$/);
    expect(table[1]).toMatch(/^best +v0 +no +\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(table[2]).toMatch(/^production +v2 +yes +\d{4}-/);
    const listed = JSON.parse((await ok(["alias", "ls", ref, "--json"])).out);
    expect(listed.map((a: { name: string; version: number; protected: boolean }) => [a.name, a.version, a.protected])).toEqual([
      ["best", 0, false],
      ["production", 2, true],
    ]);

    const versions = (await ok(["versions", ref])).out.split("\n");
    expect(versions[0]).toMatch(/^VER +SIZE .* FILE +ALIASES$/);
    expect(versions[1]).toMatch(/^v2 .* doc\.txt +production$/);
    expect(versions[2]).toMatch(/^v1 .* doc\.txt +-$/);
    expect(versions[3]).toMatch(/^v0 .* doc\.txt +best$/);
    const history = JSON.parse((await ok(["versions", ref, "--json"])).out);
    expect(history.map((v: { aliases?: string[] }) => v.aliases)).toEqual([["production"], [], ["best"]]);

    const unprotected = JSON.parse((await ok(["alias", "set", ref, "production", "2", "--unprotected", "--json"])).out);
    expect(unprotected).toMatchObject({ created: false, alias: { name: "production", version: 2, protected: false } });
    expect((await ok(["alias", "rm", ref, "best"])).out).toBe(`removed alias best of ${ref}\n`);
    const removed = JSON.parse((await ok(["alias", "rm", ref, "production", "--json"])).out);
    expect(removed).toMatchObject({ deleted: true, namespace: agent.namespace, name: "doc.txt", alias: "production" });
    await fails(["alias", "rm", ref, "production"], 3, "ARTIFACT_NOT_FOUND");
  });

  it("reads the aliased version with --alias: cat, download, text, grep, diff, url and share", async () => {
    const ref = await threeVersions("reads.txt");
    await ok(["alias", "set", ref, "production", "1"]);
    await ok(["alias", "set", ref, "first", "0"]);

    expect((await ok(["cat", ref, "--alias", "production"])).out).toBe("one\nmiddle\n");
    const saved = await ok(["download", ref, "--alias", "first", "-o", "first.txt"]);
    expect(saved.out).toMatch(/^first\.txt {2}5 B\n$/);
    expect(readFileSync(path.join(scratch, "first.txt"), "utf8")).toBe("zero\n");
    expect((await ok(["text", ref, "--alias", "production"])).out).toBe("1  one\n2  middle\n");
    expect((await ok(["grep", "middle", ref, "--alias", "production"])).out).toBe("2:middle\n");
    expect((await stowage(["grep", "middle", ref])).code).toBe(1);
    const diff = JSON.parse((await ok(["diff", ref, "--from-alias", "first", "--to-alias", "production", "--json"])).out);
    expect(diff).toMatchObject({ from: 0, to: 1 });
    expect((await ok(["diff", ref, "--from-alias", "production"])).out).toContain("-one\n-middle\n+two\n");

    const url = (await ok(["url", ref, "--alias", "production"])).out.trim();
    expect(await (await fetch(url)).text()).toBe("one\nmiddle\n");
    const link = JSON.parse((await ok(["share", ref, "--alias", "production", "--json"])).out);
    expect(await (await fetch(link.url)).text()).toBe("one\nmiddle\n");

    await fails(["cat", ref, "--alias", "staging"], 3, "ARTIFACT_NOT_FOUND");
    await fails(["cat", ref, "--alias", "production", "--version", "1"], 2, "USAGE");
    await fails(["diff", ref, "--from", "0", "--from-alias", "first"], 2, "USAGE");
  });

  it("a protected alias makes rm of its version and of the artifact exit 5 (ARTIFACT_VERSION_PROTECTED)", async () => {
    const ref = await threeVersions("kept.txt");
    await ok(["alias", "set", ref, "production", "1", "--protected"]);
    const refused = await fails(["rm", ref, "--version", "1"], 5, "ARTIFACT_VERSION_PROTECTED");
    expect(refused.stderr).toContain("production");
    await fails(["rm", ref], 5, "ARTIFACT_VERSION_PROTECTED");
    expect((await ok(["cat", ref, "--version", "1"])).out).toBe("one\nmiddle\n");
    await ok(["alias", "set", ref, "production", "1", "--unprotected"]);
    await ok(["rm", ref, "--version", "1"]);
    expect(JSON.parse((await ok(["alias", "ls", ref, "--json"])).out)).toEqual([]);
  });

  it("refuses bad names (exit 2, ARTIFACT_VALIDATION_FAILED), bad arguments (exit 2, USAGE) and a reader's set (exit 4)", async () => {
    const ref = await threeVersions("rules.txt");
    for (const name of ["Production", "latest", "42", "x-"]) await fails(["alias", "set", ref, name, "0"], 2, "ARTIFACT_VALIDATION_FAILED");
    await fails(["alias", "set", ref, "production", "9"], 3, "ARTIFACT_NOT_FOUND");
    await fails(["alias", "set", ref, "production", "v1"], 2, "USAGE");
    await fails(["alias", "set", ref, "production", "1", "--protected", "--unprotected"], 2, "USAGE");
    await fails(["alias", "set", ref, "production"], 2, "USAGE");
    await fails(["alias", "ls", ref, "--protected"], 2, "USAGE");
    await fails(["alias", "rename", ref], 2, "USAGE");
    await fails(["alias"], 2, "USAGE");

    await ok(["alias", "set", ref, "production", "2"]);
    const reader = await createAgent(uniq("cli-alias-reader"));
    const grant = await adminApi().json(`/api/v1/namespaces/${agent.namespace}/grants`, {
      method: "POST",
      json: { identity: reader.name, permission: "read" },
    });
    expect(grant.status).toBe(201);
    const listed = await stowage(["alias", "ls", ref, "--json"], "", reader.key);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.out)).toMatchObject([{ name: "production", version: 2 }]);
    await fails(["alias", "set", ref, "production", "0"], 4, "ARTIFACT_NAMESPACE_DENIED", reader.key);
    await fails(["alias", "rm", ref, "production"], 4, "ARTIFACT_NAMESPACE_DENIED", reader.key);
  });
});
