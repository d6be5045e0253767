import { Readable } from "node:stream";
import { beforeAll, describe, expect, inject, it } from "vitest";
import * as ops from "../../lib/api-contract/reads.ts";
import { Stowage } from "../../packages/client/src/index.ts";
import { createAgent, uniq } from "../support/api.ts";
import { conforms, failsWith } from "../support/contract-checks.ts";

describe("text, grep, diff and append over HTTP", () => {
  let agent: Awaited<ReturnType<typeof createAgent>>;
  const publish = async (name: string, content: string | Uint8Array, fields: Record<string, string> = {}, contentType = "text/plain") => {
    const res = await agent.client.upload({ namespace: agent.namespace, name, ...fields }, content, { contentType });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.artifact.id as string;
  };
  const text = async (id: string, query: Record<string, string> = {}) =>
    conforms(ops.readArtifactTextOp, await agent.client.json(`/api/v1/artifacts/${id}/text?${new URLSearchParams(query)}`));
  const grep = (id: string, query: Record<string, string>) =>
    agent.client.json(`/api/v1/artifacts/${id}/grep?${new URLSearchParams(query)}`);
  const append = (id: string, body: string, client = agent.client) =>
    client.json(`/api/v1/artifacts/${id}/append`, { method: "POST", body, headers: { "content-type": "text/plain" } });

  beforeAll(async () => {
    agent = await createAgent(uniq("reads"));
  });

  it("pages numbered lines with offset, limit and tail, and says where to continue", async () => {
    const id = await publish("five.txt", "one\ntwo\nthree\nfour\nfive\n");
    const first = await text(id, { limit: "2" });
    expect(first.lines).toEqual([
      { line: 1, text: "one" },
      { line: 2, text: "two" },
    ]);
    expect(first).toMatchObject({
      nextOffset: 3,
      totalLines: null,
      truncated: false,
      version: 0,
      mimeType: expect.stringMatching(/^text\/plain/),
    });
    const rest = await text(id, { offset: "3" });
    expect(rest.lines.map((l: { text: string }) => l.text)).toEqual(["three", "four", "five"]);
    expect(rest).toMatchObject({ nextOffset: null, totalLines: 5 });
    const tail = await text(id, { tail: "2" });
    expect(tail.lines).toEqual([
      { line: 4, text: "four" },
      { line: 5, text: "five" },
    ]);
    expect(tail.totalLines).toBe(5);
    expect((await text(id, { tail: "50" })).lines).toHaveLength(5);
    const past = await text(id, { offset: "99" });
    expect(past).toMatchObject({ lines: [], nextOffset: null, totalLines: 5 });
    failsWith(await agent.client.json(`/api/v1/artifacts/${id}/text?limit=2001`), 400, "ARTIFACT_VALIDATION_FAILED");
    failsWith(await agent.client.json(`/api/v1/artifacts/${id}/text?tail=2&offset=1`), 400, "ARTIFACT_VALIDATION_FAILED");
    failsWith(await agent.client.json(`/api/v1/artifacts/${id}/text?offset=0`), 400, "ARTIFACT_VALIDATION_FAILED");
  });

  it("handles an empty file, no final newline, CRLF, a huge line and older versions", async () => {
    const empty = await publish("empty.txt", "");
    expect(await text(empty)).toMatchObject({ lines: [], nextOffset: null, totalLines: 0 });
    expect(await text(empty, { tail: "3" })).toMatchObject({ lines: [], totalLines: 0 });

    const noEol = await publish("no-eol.txt", "a\nb");
    expect((await text(noEol)).lines).toEqual([
      { line: 1, text: "a" },
      { line: 2, text: "b" },
    ]);
    const blank = await publish("blank.txt", "a\n\n\nb\n");
    expect((await text(blank)).lines.map((l: { text: string }) => l.text)).toEqual(["a", "", "", "b"]);

    const crlf = await publish("crlf.txt", "x\r\ny\r\n");
    expect((await text(crlf)).lines).toEqual([
      { line: 1, text: "x" },
      { line: 2, text: "y" },
    ]);

    const huge = await publish("huge.txt", `start\n${"z".repeat(3 * 1024 * 1024)}\nend\n`);
    const page = await text(huge);
    expect(page.lines).toHaveLength(3);
    expect(page.lines[1].cut).toBe(true);
    expect(page.lines[1].text).toBe(`${"z".repeat(4096)} … [line cut: ${3 * 1024 * 1024} bytes]`);
    expect(page.lines[2]).toEqual({ line: 3, text: "end" });

    // Pages stop at 256 KiB of text even when limit allows more.
    const wide = await publish("wide.txt", Array.from({ length: 300 }, (_, i) => `${i}`.padEnd(4000, ".")).join("\n"));
    const capped = await text(wide, { limit: "2000" });
    expect(capped.truncated).toBe(true);
    expect(capped.lines.length).toBeLessThan(300);
    expect(capped.nextOffset).toBe(capped.lines.length + 1);

    const versioned = await publish("v.txt", "old\n");
    await publish("v.txt", "new\n");
    expect((await text(versioned, { version: "0" })).lines).toEqual([{ line: 1, text: "old" }]);
    expect((await text(versioned)).lines).toEqual([{ line: 1, text: "new" }]);
    failsWith(await agent.client.json(`/api/v1/artifacts/${versioned}/text?version=7`), 404, "ARTIFACT_NOT_FOUND");
  });

  it("refuses content that is not text: by type, or by a NUL byte", async () => {
    const png = await publish("pic.png", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), {}, "image/png");
    failsWith(await agent.client.json(`/api/v1/artifacts/${png}/text`), 415, "ARTIFACT_NOT_TEXT");
    const bin = await publish("blob.bin", Uint8Array.from([104, 105, 0, 10, 1]), {}, "application/octet-stream");
    failsWith(await agent.client.json(`/api/v1/artifacts/${bin}/text`), 415, "ARTIFACT_NOT_TEXT");
    failsWith(await grep(bin, { pattern: "hi" }), 415, "ARTIFACT_NOT_TEXT");
    failsWith(await append(bin, "more"), 415, "ARTIFACT_NOT_TEXT");
    // Octet-stream whose bytes are text is text.
    const plain = await publish("notes", "hello\n", {}, "application/octet-stream");
    expect((await text(plain)).lines).toEqual([{ line: 1, text: "hello" }]);
  });

  it("greps with line numbers, context, max and ignoreCase; refuses bad patterns; stays linear", async () => {
    const id = await publish("log.txt", ["boot", "ERROR one", "ok", "ok", "error two", "ok", "Error three"].join("\n") + "\n");
    const plain = conforms(ops.grepArtifactOp, await grep(id, { pattern: "ERROR" }));
    expect(plain.matches).toEqual([{ line: 2, text: "ERROR one", before: [], after: [] }]);
    expect(plain).toMatchObject({ truncated: false, stoppedBy: null, version: 0 });
    const all = conforms(ops.grepArtifactOp, await grep(id, { pattern: "error", ignoreCase: "1", context: "1" }));
    expect(all.matches.map((m: { line: number }) => m.line)).toEqual([2, 5, 7]);
    expect(all.matches[1]).toEqual({ line: 5, text: "error two", before: [{ line: 4, text: "ok" }], after: [{ line: 6, text: "ok" }] });
    expect(all.matches[2].after).toEqual([]);
    const capped = conforms(ops.grepArtifactOp, await grep(id, { pattern: "(?i)error", max: "2" }));
    expect(capped.matches).toHaveLength(2);
    expect(capped).toMatchObject({ truncated: true, stoppedBy: "max" });

    failsWith(await grep(id, { pattern: "(a)\\1" }), 400, "ARTIFACT_PATTERN_INVALID");
    failsWith(await grep(id, { pattern: "(?=x)" }), 400, "ARTIFACT_PATTERN_INVALID");
    failsWith(await grep(id, { pattern: "[" }), 400, "ARTIFACT_PATTERN_INVALID");
    failsWith(await grep(id, { pattern: "" }), 400, "ARTIFACT_VALIDATION_FAILED");
    failsWith(await grep(id, { pattern: "x", max: "501" }), 400, "ARTIFACT_VALIDATION_FAILED");

    const long = await publish("long.txt", `${"a".repeat(60_000)}b\n`);
    const evil = await grep(long, { pattern: "(a+)+$" });
    expect([200, 400]).toContain(evil.status);
    // The a's do not reach the end of the line: no match, found in linear time.
    if (evil.status === 200) expect(conforms(ops.grepArtifactOp, evil).matches).toEqual([]);
    const reaching = await grep(long, { pattern: "(a+)+b$" });
    expect(conforms(ops.grepArtifactOp, reaching).matches).toHaveLength(1);
  });

  it("greps across the latest versions of a session's artifacts", async () => {
    const session = uniq("s");
    await publish("a.md", "alpha\nneedle in a\n", { sessionId: session });
    await publish("b.md", "old needle\n", { sessionId: session });
    await publish("b.md", "beta\n", { sessionId: session });
    await publish("c.png", Uint8Array.from([1, 2, 3]), { sessionId: session }, "image/png");
    await publish("outside.md", "needle outside\n");
    const q = (p: Record<string, string>) => `/api/v1/sessions/${encodeURIComponent(session)}/grep?${new URLSearchParams(p)}`;
    const found = conforms(ops.grepSessionOp, await agent.client.json(q({ namespace: agent.namespace, pattern: "needle" })));
    expect(found.matches.map((m: { name: string; line: number; version: number }) => [m.name, m.line, m.version])).toEqual([
      ["a.md", 2, 0],
    ]);
    expect(found).toMatchObject({ searched: 2, skipped: 1, truncated: false, stoppedBy: null });
    failsWith(await agent.client.json(q({ namespace: agent.namespace, pattern: "(" })), 400, "ARTIFACT_PATTERN_INVALID");
    failsWith(await agent.client.json(q({ namespace: agent.namespace })), 400, "ARTIFACT_VALIDATION_FAILED");
    failsWith(
      await agent.client.json(
        `/api/v1/sessions/nope-${uniq("x")}/grep?${new URLSearchParams({ namespace: agent.namespace, pattern: "x" })}`,
      ),
      404,
      "ARTIFACT_NOT_FOUND",
    );
    const stranger = await createAgent(uniq("stranger"));
    failsWith(await stranger.client.json(q({ namespace: agent.namespace, pattern: "needle" })), 403, "ARTIFACT_NAMESPACE_DENIED");
  });

  it("diffs two versions as a unified diff", async () => {
    const words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    const before = ["# Plan", "", ...words].join("\n") + "\n";
    const after = ["# Plan", "", ...words.map((w) => (w === "two" ? "TWO" : w)), "eleven"].join("\n") + "\n";
    const id = await publish("plan.md", before);
    await publish("plan.md", after);
    await publish("plan.md", after);
    const d = (query: Record<string, string> = {}) => agent.client.json(`/api/v1/artifacts/${id}/diff?${new URLSearchParams(query)}`);
    const same = conforms(ops.diffArtifactVersionsOp, await d());
    expect(same).toMatchObject({ from: 1, to: 2, diff: "", added: 0, removed: 0, truncated: false });
    const changed = conforms(ops.diffArtifactVersionsOp, await d({ from: "0", to: "1" }));
    expect(changed.diff).toBe(
      [
        "--- a/plan.md@v0",
        "+++ b/plan.md@v1",
        "@@ -1,7 +1,7 @@",
        " # Plan",
        " ",
        " one",
        "-two",
        "+TWO",
        " three",
        " four",
        " five",
        "@@ -10,3 +10,4 @@",
        " eight",
        " nine",
        " ten",
        "+eleven",
        "",
      ].join("\n"),
    );
    expect(changed).toMatchObject({ added: 2, removed: 1 });
    // Version 1 without a from: against version 0, the one before it.
    expect(conforms(ops.diffArtifactVersionsOp, await d({ to: "1" }))).toMatchObject({ from: 0, to: 1, diff: changed.diff });
    const first = conforms(ops.diffArtifactVersionsOp, await d({ to: "0" }));
    expect(first.from).toBeNull();
    expect(first.diff.startsWith("--- /dev/null\n+++ b/plan.md@v0\n@@ -0,0 +1,12 @@\n+# Plan\n")).toBe(true);
    failsWith(await d({ from: "1", to: "1" }), 400, "ARTIFACT_VALIDATION_FAILED");
    failsWith(await d({ from: "9" }), 404, "ARTIFACT_NOT_FOUND");
  });

  it("refuses a diff above its caps", async () => {
    const id = await publish("many.txt", "x\n");
    await publish("many.txt", "y\n".repeat(100_001));
    failsWith(await agent.client.json(`/api/v1/artifacts/${id}/diff`), 413, "ARTIFACT_TOO_LARGE");
  });

  it("appends as a new version; concurrent appends all land", async () => {
    const id = await publish("journal.log", "start\n");
    const one = await append(id, "first\n");
    expect(one.status, JSON.stringify(one.body)).toBe(201);
    expect(one.body.version.version).toBe(1);
    expect(one.body.version.mimeType).toMatch(/^text\/plain/);
    expect((await text(id)).lines.map((l: { text: string }) => l.text)).toEqual(["start", "first"]);

    const texts = Array.from({ length: 10 }, (_, i) => `parallel ${i}\n`);
    const results = await Promise.all(texts.map((t) => append(id, t)));
    for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(new Set(results.map((r) => r.body.version.version))).toEqual(new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
    const final = (await text(id)).lines.map((l: { text: string }) => l.text);
    expect(final.slice(0, 2)).toEqual(["start", "first"]);
    expect(final.slice(2).sort()).toEqual(texts.map((t) => t.trim()).sort());

    failsWith(await append(id, ""), 400, "ARTIFACT_VALIDATION_FAILED");
    failsWith(await append("01jf3z9k2m4n6p8q0r2s4t6v8w", "x"), 404, "ARTIFACT_NOT_FOUND");
    // Larger than the server's 5 MB publish limit.
    failsWith(await append(id, "x".repeat(6 * 1024 * 1024)), 413, "ARTIFACT_TOO_LARGE");
  });

  it("keeps other agents out: 404 for an artifact they cannot read, 403 to append where they may only read", async () => {
    const id = await publish("private.txt", "secret\n");
    const stranger = await createAgent(uniq("stranger"));
    for (const path of ["text", "grep?pattern=s", "diff"]) {
      failsWith(await stranger.client.json(`/api/v1/artifacts/${id}/${path}`), 404, "ARTIFACT_NOT_FOUND");
    }
    failsWith(await append(id, "x", stranger.client), 404, "ARTIFACT_NOT_FOUND");
    failsWith(
      await agent.client.json(`/api/v1/artifacts/${id}/text`, { headers: { authorization: "Bearer nope" } }),
      401,
      "UNAUTHENTICATED",
    );
  });

  it("reads a 200 MB file streamed: the last lines, a page near the end, a grep", async () => {
    const lines = 2_000_000;
    const lineOf = (i: number) => `line ${String(i).padStart(9, "0")} ${"x".repeat(84)}\n`; // 100 bytes
    async function* generate() {
      for (let start = 0; start < lines; start += 10_000) {
        let chunk = "";
        for (let i = start; i < start + 10_000; i++) chunk += lineOf(i + 1);
        yield Buffer.from(chunk);
      }
    }
    const sdk = new Stowage({ url: inject("baseUrl"), apiKey: agent.key });
    const { artifact } = await sdk.publish(Readable.from(generate()), {
      namespace: agent.namespace,
      name: "big.log",
      size: lines * 100,
      contentType: "text/plain",
    });
    const tail = await text(artifact.id, { tail: "2" });
    expect(tail.lines.map((l: { line: number }) => l.line)).toEqual([lines - 1, lines]);
    expect(tail.lines[1].text).toBe(lineOf(lines).trimEnd());
    expect(tail.totalLines).toBe(lines);
    const near = await text(artifact.id, { offset: String(lines - 1), limit: "5" });
    expect(near.lines.map((l: { line: number }) => l.line)).toEqual([lines - 1, lines]);
    expect(near.nextOffset).toBeNull();
    const head = await text(artifact.id, { limit: "3" });
    expect(head.lines[2].text).toBe(lineOf(3).trimEnd());
    expect(head.nextOffset).toBe(4);
    const found = conforms(ops.grepArtifactOp, await grep(artifact.id, { pattern: "line 0000012(34|35) ", max: "5" }));
    expect(found.matches.map((m: { line: number }) => m.line)).toEqual([1234, 1235]);
  }, 300_000);
});

describe("diff: the final newline, and the default `from` after deleted versions", () => {
  let agent: Awaited<ReturnType<typeof createAgent>>;
  const publish = async (name: string, content: string) => {
    const res = await agent.client.upload({ namespace: agent.namespace, name }, content, { contentType: "text/plain" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.artifact.id as string;
  };
  const diff = async (id: string, query: Record<string, string> = {}) =>
    agent.client.json(`/api/v1/artifacts/${id}/diff?${new URLSearchParams(query)}`);
  const deleteVersion = async (id: string, version: number) =>
    expect((await agent.client.request(`/api/v1/artifacts/${id}/versions/${version}`, { method: "DELETE" })).status).toBe(204);

  beforeAll(async () => {
    agent = await createAgent(uniq("diff-eol"));
  });

  it("shows a change of only the final newline, marked on the side that lacks it", async () => {
    const id = await publish("eol.txt", "keep\nlast");
    await publish("eol.txt", "keep\nlast\n");
    await publish("eol.txt", "keep\nlast\n");
    const gained = conforms(ops.diffArtifactVersionsOp, await diff(id, { to: "1" }));
    expect(gained).toMatchObject({ from: 0, to: 1, added: 1, removed: 1, truncated: false });
    expect(gained.diff).toBe(
      ["--- a/eol.txt@v0", "+++ b/eol.txt@v1", "@@ -1,2 +1,2 @@", " keep", "-last", "\\ No newline at end of file", "+last", ""].join("\n"),
    );
    const lost = conforms(ops.diffArtifactVersionsOp, await diff(id, { from: "1", to: "0" }));
    expect(lost).toMatchObject({ added: 1, removed: 1 });
    expect(lost.diff).toBe(
      ["--- a/eol.txt@v1", "+++ b/eol.txt@v0", "@@ -1,2 +1,2 @@", " keep", "-last", "+last", "\\ No newline at end of file", ""].join("\n"),
    );
    expect(conforms(ops.diffArtifactVersionsOp, await diff(id))).toMatchObject({ from: 1, to: 2, diff: "", added: 0, removed: 0 });
  });

  it("marks a common last line without newline in the context, and keeps CRLF endings", async () => {
    const id = await publish("crlf.txt", "a\r\nb\r\nend");
    await publish("crlf.txt", "a\r\nB\r\nend");
    expect(conforms(ops.diffArtifactVersionsOp, await diff(id)).diff).toBe(
      [
        "--- a/crlf.txt@v0",
        "+++ b/crlf.txt@v1",
        "@@ -1,3 +1,3 @@",
        " a\r",
        "-b\r",
        "+B\r",
        " end",
        "\\ No newline at end of file",
        "",
      ].join("\n"),
    );
  });

  it("without `from`, compares with the newest older version that still exists, or with nothing", async () => {
    const id = await publish("kept.txt", "zero\n");
    for (const text of ["one\n", "two\n", "three\n"]) await publish("kept.txt", text);
    await deleteVersion(id, 2);
    const afterGap = conforms(ops.diffArtifactVersionsOp, await diff(id));
    expect(afterGap).toMatchObject({ from: 1, to: 3, added: 1, removed: 1 });
    expect(afterGap.diff).toBe(["--- a/kept.txt@v1", "+++ b/kept.txt@v3", "@@ -1 +1 @@", "-one", "+three", ""].join("\n"));
    expect(conforms(ops.diffArtifactVersionsOp, await diff(id, { to: "1" }))).toMatchObject({ from: 0, to: 1 });

    await deleteVersion(id, 1);
    expect(conforms(ops.diffArtifactVersionsOp, await diff(id, { to: "3" }))).toMatchObject({ from: 0, to: 3 });
    // An explicit `from` still names one version: a deleted one is 404.
    failsWith(await diff(id, { from: "2" }), 404, "ARTIFACT_NOT_FOUND");
    failsWith(await diff(id, { from: "1", to: "3" }), 404, "ARTIFACT_NOT_FOUND");
    failsWith(await diff(id, { to: "2" }), 404, "ARTIFACT_NOT_FOUND");

    await deleteVersion(id, 0);
    const alone = conforms(ops.diffArtifactVersionsOp, await diff(id));
    expect(alone).toMatchObject({ from: null, to: 3, added: 1, removed: 0 });
    expect(alone.diff).toBe(["--- /dev/null", "+++ b/kept.txt@v3", "@@ -0,0 +1 @@", "+three", ""].join("\n"));

    const stranger = await createAgent(uniq("diff-stranger"));
    failsWith(await stranger.client.json(`/api/v1/artifacts/${id}/diff`), 404, "ARTIFACT_NOT_FOUND");
  });
});
