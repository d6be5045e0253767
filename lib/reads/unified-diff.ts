import { diffLines, diffStats, toHunks, type TDiffHunk, type TDiffLine } from "../preview/diff-lines.ts";

/** What diff(1) and git write after a side's last line when the text does not end with a newline. */
export const NO_NEWLINE_MARKER = "\\ No newline at end of file";

export type TUnifiedDiff = { text: string; truncated: boolean; added: number; removed: number };

/**
 * The unified diff of two texts, 3 lines of context, as `diff -u` writes it, cut at `maxChars`
 * (whole lines). Each text is given as its lines WITH their line endings ("\n", "\r\n"; only the
 * last may have none): lines are compared with their endings, so a last line that gained or lost
 * its newline, or a line whose CRLF became LF, is a change, and applying the diff with patch(1)
 * gives back the new text byte for byte.
 */
export function unifiedDiff(a: string[], b: string[], labels: { a: string; b: string }, maxChars: number): TUnifiedDiff {
  const lines = diffLines(a, b);
  return { ...renderUnifiedDiff(toHunks(lines, 3), labels, maxChars), ...diffStats(lines) };
}

/**
 * Hunks as a unified diff (`--- a`, `+++ b`, `@@ -l,n +l,n @@`). A side with no lines in a hunk
 * starts at the line before it, as diff(1) writes it.
 */
function renderUnifiedDiff(hunks: TDiffHunk[], labels: { a: string; b: string }, maxChars: number): { text: string; truncated: boolean } {
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
    const body = [`@@ -${range(aBefore, aCount)} +${range(bBefore, bCount)} @@`, ...hunk.lines.map(diffLine)];
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

/** One line of a hunk without its newline; a last line that has none carries the marker (kept together when cutting). */
function diffLine(l: TDiffLine): string {
  const sign = l.kind === "same" ? " " : l.kind === "del" ? "-" : "+";
  return l.text.endsWith("\n") ? sign + l.text.slice(0, -1) : `${sign}${l.text}\n${NO_NEWLINE_MARKER}`;
}

const range = (before: number, count: number) => (count === 0 ? `${before},0` : count === 1 ? `${before + 1}` : `${before + 1},${count}`);
