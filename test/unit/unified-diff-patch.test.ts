import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NO_NEWLINE_MARKER, unifiedDiff } from "@/lib/reads/unified-diff";
import { splitLines } from "@/lib/reads/version-lines";

const has = (tool: string) => spawnSync("which", [tool]).status === 0;
const HAS_PATCH = has("patch");
const HAS_GIT = has("git");
const HAS_DIFF = spawnSync("diff", ["--version"], { encoding: "utf8" }).stdout?.includes("GNU diffutils") ?? false;

const dir = mkdtempSync(path.join(tmpdir(), "stowage-unified-diff-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A text's lines as diffVersions reads them: through versionLines' splitter, in small chunks so lines span them. */
async function linesOf(text: string, chunk = 3): Promise<string[]> {
  const bytes = Buffer.from(text, "utf8");
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  const out: string[] = [];
  for await (const raw of splitLines(chunks(), bytes.length + 1, "text/plain")) out.push(raw.bytes.toString("utf8") + raw.ending);
  return out;
}

async function diffOf(oldText: string, newText: string, labels = { a: "a/f.txt", b: "b/f.txt" }) {
  return unifiedDiff(await linesOf(oldText), await linesOf(newText), labels, 1 << 20);
}

/** Applies a unified diff to `oldText` with patch(1), or git apply when patch is missing, and answers the result's bytes. */
function applyPatch(oldText: string, diff: string): Buffer {
  const work = mkdtempSync(path.join(dir, "case-"));
  const target = path.join(work, "f.txt");
  writeFileSync(target, oldText);
  writeFileSync(path.join(work, "change.diff"), diff);
  if (HAS_PATCH) {
    const out = path.join(work, "out.txt");
    const run = spawnSync("patch", ["--quiet", "--force", "--output", out, target, path.join(work, "change.diff")], { encoding: "utf8" });
    expect(run.stderr + run.stdout).toBe("");
    expect(run.status).toBe(0);
    // patch leaves no output file for a result it sees as deleted (empty).
    return existsSync(out) ? readFileSync(out) : Buffer.alloc(0);
  }
  // Under git apply's -p1, the headers a/f.txt and b/f.txt name f.txt in the working directory.
  const run = spawnSync("git", ["apply", "change.diff"], { cwd: work, encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return readFileSync(target);
}

/** GNU diff -u's output without its two header lines (they carry file names and times). */
function gnuDiffBody(oldText: string, newText: string): string {
  const work = mkdtempSync(path.join(dir, "gnu-"));
  writeFileSync(path.join(work, "old"), oldText);
  writeFileSync(path.join(work, "new"), newText);
  const run = spawnSync("diff", ["-u", "old", "new"], { cwd: work, encoding: "utf8" });
  expect(run.status).toBeLessThan(2);
  return run.stdout.split("\n").slice(2).join("\n");
}

const body = (diff: string) => diff.split("\n").slice(2).join("\n");

const CASES: { name: string; old: string; new: string; added: number; removed: number }[] = [
  { name: "no newline on the old side only", old: "one\ntwo\nthree", new: "one\ntwo\nthree\n", added: 1, removed: 1 },
  { name: "no newline on the new side only", old: "one\ntwo\nthree\n", new: "one\ntwo\nthree", added: 1, removed: 1 },
  { name: "no newline on both, last line changed", old: "one\ntwo\nthree", new: "one\ntwo\nTHREE", added: 1, removed: 1 },
  { name: "no newline on both, a line added before the last", old: "one\ntwo", new: "one\nmiddle\ntwo", added: 1, removed: 0 },
  { name: "newline on both", old: "one\ntwo\nthree\n", new: "one\nTWO\nthree\n", added: 1, removed: 1 },
  { name: "from an empty file", old: "", new: "first\nsecond", added: 2, removed: 0 },
  { name: "to an empty file", old: "first\nsecond\n", new: "", added: 0, removed: 2 },
  { name: "an empty file to one without newline", old: "", new: "only", added: 1, removed: 0 },
  { name: "a one-line file gains its newline", old: "only", new: "only\n", added: 1, removed: 1 },
  { name: "a one-line file changes", old: "only\n", new: "other\n", added: 1, removed: 1 },
  {
    name: "a change in the middle, the last line untouched and lacking a newline",
    old: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10",
    new: "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10",
    added: 1,
    removed: 1,
  },
  {
    name: "a change near the end, the untouched last line lacking a newline in the context",
    old: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10",
    new: "1\n2\n3\n4\n5\n6\n7\n8\nnine\n10",
    added: 1,
    removed: 1,
  },
  { name: "CRLF lines, one changed", old: "a\r\nb\r\nc\r\n", new: "a\r\nB\r\nc\r\n", added: 1, removed: 1 },
  { name: "CRLF lines become LF", old: "a\r\nb\r\n", new: "a\nb\n", added: 2, removed: 2 },
  { name: "CRLF lines, the last without a line ending", old: "a\r\nb", new: "a\r\nb\r\n", added: 1, removed: 1 },
  { name: "a last line ending in a lone CR", old: "a\nb\r", new: "a\nb", added: 1, removed: 1 },
  { name: "non-ASCII text", old: "héllo\nwörld", new: "héllo\nwörld\n", added: 1, removed: 1 },
];

describe("unifiedDiff against diff(1) and patch(1)", () => {
  it.each(CASES)("$name", async (c) => {
    const d = await diffOf(c.old, c.new);
    expect(d.truncated).toBe(false);
    expect({ added: d.added, removed: d.removed }).toEqual({ added: c.added, removed: c.removed });
    expect(d.text.split("\n").slice(0, 2)).toEqual(["--- a/f.txt", "+++ b/f.txt"]);
    if (HAS_DIFF) expect(body(d.text)).toBe(gnuDiffBody(c.old, c.new));
    if (HAS_PATCH || HAS_GIT) expect(applyPatch(c.old, d.text).equals(Buffer.from(c.new, "utf8"))).toBe(true);
  });

  it("marks the side that lacks the final newline when only the newline changed", async () => {
    expect((await diffOf("x\ny", "x\ny\n")).text).toBe(`--- a/f.txt\n+++ b/f.txt\n@@ -1,2 +1,2 @@\n x\n-y\n${NO_NEWLINE_MARKER}\n+y\n`);
    expect((await diffOf("x\ny\n", "x\ny")).text).toBe(`--- a/f.txt\n+++ b/f.txt\n@@ -1,2 +1,2 @@\n x\n-y\n+y\n${NO_NEWLINE_MARKER}\n`);
  });

  it("marks a context line common to both sides", async () => {
    const d = await diffOf("a\nb\nz", "a\nB\nz");
    expect(d.text).toBe(`--- a/f.txt\n+++ b/f.txt\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n z\n${NO_NEWLINE_MARKER}\n`);
  });

  it("is empty for identical texts, with or without the final newline", async () => {
    for (const t of ["", "a", "a\n", "a\r\nb"]) expect(await diffOf(t, t)).toEqual({ text: "", truncated: false, added: 0, removed: 0 });
  });

  it("creates a file from nothing when the old side is /dev/null", async () => {
    const d = await diffOf("", "new\nfile", { a: "/dev/null", b: "b/f.txt" });
    expect(d.text).toBe(`--- /dev/null\n+++ b/f.txt\n@@ -0,0 +1,2 @@\n+new\n+file\n${NO_NEWLINE_MARKER}\n`);
    if (HAS_PATCH || HAS_GIT) expect(applyPatch("", d.text).toString("utf8")).toBe("new\nfile");
  });

  it("never cuts the marker off its line", async () => {
    const full = await diffOf("a", "b");
    const withoutLastMarker = full.text.length - (NO_NEWLINE_MARKER.length + 1);
    const cut = unifiedDiff(await linesOf("a"), await linesOf("b"), { a: "a/f.txt", b: "b/f.txt" }, withoutLastMarker);
    expect(cut.truncated).toBe(true);
    expect(cut.text).toBe(`--- a/f.txt\n+++ b/f.txt\n@@ -1 +1 @@\n-a\n${NO_NEWLINE_MARKER}\n`);
  });
});
