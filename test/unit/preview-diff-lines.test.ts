import { describe, expect, it } from "vitest";
import { diffLines, diffStats, splitLines, toHunks, type TDiffLine } from "@/lib/preview/diff-lines";

/** A diff as `  same`, `- removed`, `+ added` lines: easy to read in expectations. */
const show = (lines: TDiffLine[]) => lines.map((l) => `${l.kind === "same" ? " " : l.kind === "del" ? "-" : "+"} ${l.text}`);

/** Applying the diff's kept and added lines gives `b`; its kept and removed lines give `a`. */
function expectConsistent(a: string[], b: string[], lines: TDiffLine[]) {
  expect(lines.filter((l) => l.kind !== "add").map((l) => l.text)).toEqual(a);
  expect(lines.filter((l) => l.kind !== "del").map((l) => l.text)).toEqual(b);
  const aNums = lines.flatMap((l) => (l.kind === "add" ? [] : [l.aLine]));
  const bNums = lines.flatMap((l) => (l.kind === "del" ? [] : [l.bLine]));
  expect(aNums).toEqual(a.map((_, i) => i + 1));
  expect(bNums).toEqual(b.map((_, i) => i + 1));
}

describe("splitLines", () => {
  it("splits on any line ending and ignores one final newline", () => {
    expect(splitLines("a\r\nb\nc\rd\n")).toEqual(["a", "b", "c", "d"]);
    expect(splitLines("")).toEqual([]);
    expect(splitLines("\n")).toEqual([""]);
    expect(splitLines("a\n\n")).toEqual(["a", ""]);
  });
});

describe("diffLines", () => {
  it("finds a changed line in the middle", () => {
    const a = ["one", "two", "three"];
    const b = ["one", "TWO", "three"];
    const d = diffLines(a, b);
    expect(show(d)).toEqual(["  one", "- two", "+ TWO", "  three"]);
    expectConsistent(a, b, d);
    expect(diffStats(d)).toEqual({ added: 1, removed: 1 });
  });

  it("identical inputs have no changes; empty inputs are all added or all removed", () => {
    expect(diffLines(["a", "b"], ["a", "b"]).every((l) => l.kind === "same")).toBe(true);
    expect(show(diffLines([], ["x", "y"]))).toEqual(["+ x", "+ y"]);
    expect(show(diffLines(["x"], []))).toEqual(["- x"]);
    expect(diffLines([], [])).toEqual([]);
  });

  it("is minimal: the classic ABCABBA → CBABAC has 5 edits", () => {
    const a = [..."ABCABBA"];
    const b = [..."CBABAC"];
    const d = diffLines(a, b);
    expectConsistent(a, b, d);
    const { added, removed } = diffStats(d);
    expect(added + removed).toBe(5);
  });

  it("keeps insertions and deletions at both ends and numbers lines correctly", () => {
    const a = ["h", "x", "y", "z"];
    const b = ["x", "y", "z", "t"];
    const d = diffLines(a, b);
    expect(show(d)).toEqual(["- h", "  x", "  y", "  z", "+ t"]);
    expectConsistent(a, b, d);
  });

  it("agrees with a brute-force LCS length on random inputs", () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const lcs = (a: string[], b: string[]) => {
      const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++)
          t[i]![j] = a[i - 1] === b[j - 1] ? t[i - 1]![j - 1]! + 1 : Math.max(t[i - 1]![j]!, t[i]![j - 1]!);
      return t[a.length]![b.length]!;
    };
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: Math.floor(random() * 12) }, () => "abc"[Math.floor(random() * 3)]!);
      const b = Array.from({ length: Math.floor(random() * 12) }, () => "abc"[Math.floor(random() * 3)]!);
      const d = diffLines(a, b);
      expectConsistent(a, b, d);
      expect(d.filter((l) => l.kind === "same").length).toBe(lcs(a, b));
    }
  });

  it("past the edit-distance bound still returns a correct (non-minimal) diff", () => {
    const a = Array.from({ length: 50 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 50 }, (_, i) => `b${i}`);
    const d = diffLines(a, b, 10);
    expectConsistent(a, b, d);
    expect(diffStats(d)).toEqual({ added: 50, removed: 50 });
  });

  it("diffs 20,000 lines with a few changes quickly", () => {
    const a = Array.from({ length: 20_000 }, (_, i) => `line ${i}`);
    const b = [...a];
    b[100] = "changed";
    b.splice(15_000, 2);
    b.push("tail");
    const started = performance.now();
    const d = diffLines(a, b);
    expect(performance.now() - started).toBeLessThan(2000);
    expectConsistent(a, b, d);
    expect(diffStats(d)).toEqual({ added: 2, removed: 3 });
  });
});

describe("toHunks", () => {
  it("keeps changes with their context and counts the skipped unchanged lines", () => {
    const a = Array.from({ length: 30 }, (_, i) => `l${i}`);
    const b = [...a];
    b[5] = "five";
    b[25] = "twenty-five";
    const hunks = toHunks(diffLines(a, b), 2);
    expect(hunks).toHaveLength(2);
    expect(hunks[0]!.skippedBefore).toBe(3);
    expect(show(hunks[0]!.lines)).toEqual(["  l3", "  l4", "- l5", "+ five", "  l6", "  l7"]);
    expect(hunks[1]!.skippedBefore).toBe(15);
    expect(hunks[1]!.lines.map((l) => l.text)).toEqual(["l23", "l24", "l25", "twenty-five", "l26", "l27"]);
  });

  it("merges changes whose context overlaps, and gives nothing for identical inputs", () => {
    const a = ["a", "b", "c", "d", "e"];
    const hunks = toHunks(diffLines(a, ["A", "b", "c", "d", "E"]), 2);
    expect(hunks).toHaveLength(1);
    expect(hunks[0]!.skippedBefore).toBe(0);
    expect(toHunks(diffLines(a, a))).toEqual([]);
  });
});
