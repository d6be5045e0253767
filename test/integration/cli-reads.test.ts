import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtCliCopy, runCli, type TCliResult } from "../support/cli-bin.ts";
import { createAgent, uniq } from "../support/api.ts";

type Result = TCliResult;

describe("the CLI's text, grep, diff and append (the built bin against the real server)", () => {
  let scratch: string;
  let bin: string;
  let agent: Awaited<ReturnType<typeof createAgent>>;

  function stowage(args: string[], input = ""): Promise<Result> {
    return runCli(bin, args, { scratch, key: agent.key, input });
  }

  async function ok(args: string[], input = ""): Promise<Result> {
    const result = await stowage(args, input);
    expect(result.code, `stowage ${args.join(" ")}: ${result.stderr}`).toBe(0);
    return result;
  }

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), "stowage-cli-reads-"));
    bin = await builtCliCopy(scratch);
    agent = await createAgent(uniq("cli-reads"));
  }, 180_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("lists the commands in --help", async () => {
    const help = await ok(["--help"]);
    for (const name of ["text", "grep", "diff", "append"]) expect(help.out).toContain(name);
    expect((await ok(["grep", "--help"])).out).toContain("--context");
  });

  it("appends, pages, tails, greps and diffs an artifact named <namespace>/<name>", async () => {
    const session = uniq("s");
    const ref = `${agent.namespace}/log.txt`;
    const sref = ["--session", session];
    await ok(
      ["upload", "-", "--namespace", agent.namespace, "--name", "log.txt", "--session", session, "--content-type", "text/plain"],
      "one\ntwo\n",
    );
    const appended = await ok(["append", ref, ...sref, "three\n"]);
    expect(appended.out).toMatch(/log\.txt {2}v1 {2}14 bytes/);
    await ok(["append", ref, ...sref], "Four\n");

    const page = await ok(["text", ref, ...sref, "--limit", "2"]);
    expect(page.out).toBe("1  one\n2  two\n");
    expect(page.stderr).toContain("--offset 3");
    expect((await ok(["text", ref, ...sref, "--tail", "1"])).out).toBe("4  Four\n");
    const json = JSON.parse((await ok(["text", ref, ...sref, "--offset", "3", "--json"])).out);
    expect(json).toMatchObject({
      nextOffset: null,
      totalLines: 4,
      lines: [
        { line: 3, text: "three" },
        { line: 4, text: "Four" },
      ],
    });

    expect((await ok(["grep", "-i", "four", ref, ...sref])).out).toBe("4:Four\n");
    expect((await ok(["grep", "t", ref, ...sref, "-C", "1"])).out).toBe("1-one\n2:two\n3:three\n4-Four\n");
    const none = await stowage(["grep", "nothing", ref, ...sref]);
    expect(none.code).toBe(1);
    expect((await ok(["grep", "Four", "--namespace", agent.namespace, "--session", session])).out).toBe("log.txt:4:Four\n");

    const diff = await ok(["diff", ref, ...sref, "--from", "0"]);
    expect(diff.out).toContain("+three\n+Four\n");
    expect(JSON.parse((await ok(["diff", ref, ...sref, "--json"])).out)).toMatchObject({ from: 1, to: 2, added: 1 });
  });

  it("fails in one line with the server's code", async () => {
    await ok(["upload", "-", "--namespace", agent.namespace, "--name", "p.txt"], "x\n");
    const bad = await stowage(["grep", "(a)\\1", `${agent.namespace}/p.txt`]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/^stowage: .+ \(ARTIFACT_PATTERN_INVALID\)\n$/);
  });
});
