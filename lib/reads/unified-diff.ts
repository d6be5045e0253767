import type { TDiffHunk } from "../preview/diff-lines.ts";

/**
 * Hunks as a unified diff (`--- a`, `+++ b`, `@@ -l,n +l,n @@`), cut at `maxChars` (whole lines).
 * A side with no lines in a hunk starts at the line before it, as diff(1) writes it.
 */
export function renderUnifiedDiff(
  hunks: TDiffHunk[],
  labels: { a: string; b: string },
  maxChars: number,
): { text: string; truncated: boolean } {
  if (hunks.length === 0) return { text: "", truncated: false };
  const out: string[] = [`--- ${labels.a}`, `+++ ${labels.b}`];
  let chars = out[0]!.length + out[1]!.length + 2;
  // The last line number of each side before the current hunk.
  let aBefore = 0;
  let bBefore = 0;
  for (const hunk of hunks) {
    aBefore += hunk.skippedBefore;
    bBefore += hunk.skippedBefore;
    const aCount = hunk.lines.filter((l) => l.kind !== "add").length;
    const bCount = hunk.lines.filter((l) => l.kind !== "del").length;
    const body = [`@@ -${range(aBefore, aCount)} +${range(bBefore, bCount)} @@`];
    for (const l of hunk.lines) body.push(`${l.kind === "same" ? " " : l.kind === "del" ? "-" : "+"}${l.text}`);
    for (const line of body) {
      if (chars + line.length + 1 > maxChars) return { text: out.join("\n") + "\n", truncated: true };
      out.push(line);
      chars += line.length + 1;
    }
    aBefore += aCount;
    bBefore += bCount;
  }
  return { text: out.join("\n") + "\n", truncated: false };
}

const range = (before: number, count: number) => (count === 0 ? `${before},0` : count === 1 ? `${before + 1}` : `${before + 1},${count}`);
