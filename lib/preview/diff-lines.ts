/** One line of a line diff: kept, removed from `a`, or added in `b`, with its 1-based line numbers. */
export type TDiffLine =
  | { kind: "same"; text: string; aLine: number; bLine: number }
  | { kind: "del"; text: string; aLine: number }
  | { kind: "add"; text: string; bLine: number };

/** A run of changes with its context; `skippedBefore` unchanged lines were left out ahead of it. */
export type TDiffHunk = { skippedBefore: number; lines: TDiffLine[] };

/**
 * Beyond this many differing lines the Myers search stops and the rest is shown as removed then
 * added: still a correct diff, just not a minimal one, and time and memory stay bounded.
 */
export const MAX_EDIT_DISTANCE = 2000;

/** Splits text into lines; a final newline does not make an extra empty line. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * The shortest line diff from `a` to `b` (Myers' O(ND) algorithm), removals before additions
 * within each change. Common leading and trailing lines are matched first, so the usual small
 * edit to a long file costs little.
 */
export function diffLines(a: string[], b: string[], maxEditDistance = MAX_EDIT_DISTANCE): TDiffLine[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;

  const out: TDiffLine[] = [];
  for (let i = 0; i < prefix; i++) out.push({ kind: "same", text: a[i]!, aLine: i + 1, bLine: i + 1 });
  out.push(...diffMiddle(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix), prefix, prefix, maxEditDistance));
  for (let i = suffix; i > 0; i--) {
    out.push({ kind: "same", text: a[a.length - i]!, aLine: a.length - i + 1, bLine: b.length - i + 1 });
  }
  return out;
}

function diffMiddle(a: string[], b: string[], aOffset: number, bOffset: number, maxD: number): TDiffLine[] {
  const n = a.length;
  const m = b.length;
  const replaceAll = (): TDiffLine[] => [
    ...a.map((text, i) => ({ kind: "del" as const, text, aLine: aOffset + i + 1 })),
    ...b.map((text, j) => ({ kind: "add" as const, text, bLine: bOffset + j + 1 })),
  ];
  if (n === 0 || m === 0) return replaceAll();

  const max = Math.min(n + m, maxD);
  const offset = max + 1;
  // v[k + offset]: the furthest x reached on diagonal k (= x - y); one snapshot per edit step.
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
      let x = down ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return replaceAll();

  // Walk back through the snapshots from (n, m) to (0, 0), collecting the path in reverse.
  const reversed: TDiffLine[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const snap = trace[d]!;
    // snap[i] holds v[k] for k = i - d - 1, as the diagonals stood before step d.
    const at = (k: number) => snap[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      reversed.push({ kind: "same", text: a[x]!, aLine: aOffset + x + 1, bLine: bOffset + y + 1 });
    }
    if (down) {
      y--;
      reversed.push({ kind: "add", text: b[y]!, bLine: bOffset + y + 1 });
    } else {
      x--;
      reversed.push({ kind: "del", text: a[x]!, aLine: aOffset + x + 1 });
    }
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    reversed.push({ kind: "same", text: a[x]!, aLine: aOffset + x + 1, bLine: bOffset + y + 1 });
  }
  return groupChanges(reversed.reverse());
}

/** Within each run of changes, removals first and additions after: how diffs are usually read. */
function groupChanges(lines: TDiffLine[]): TDiffLine[] {
  const out: TDiffLine[] = [];
  let dels: TDiffLine[] = [];
  let adds: TDiffLine[] = [];
  const flush = () => {
    out.push(...dels, ...adds);
    dels = [];
    adds = [];
  };
  for (const line of lines) {
    if (line.kind === "del") dels.push(line);
    else if (line.kind === "add") adds.push(line);
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out;
}

/** The changes with `context` unchanged lines around each; long unchanged stretches are skipped. */
export function toHunks(lines: TDiffLine[], context = 3): TDiffHunk[] {
  const keep = new Array<boolean>(lines.length).fill(false);
  lines.forEach((line, i) => {
    if (line.kind === "same") return;
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) keep[j] = true;
  });
  const hunks: TDiffHunk[] = [];
  let skipped = 0;
  let current: TDiffHunk | null = null;
  lines.forEach((line, i) => {
    if (!keep[i]) {
      skipped++;
      current = null;
      return;
    }
    if (!current) {
      current = { skippedBefore: skipped, lines: [] };
      hunks.push(current);
      skipped = 0;
    }
    current.lines.push(line);
  });
  return hunks;
}

/** How many lines were added and removed. */
export function diffStats(lines: TDiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of lines) {
    if (line.kind === "add") added++;
    else if (line.kind === "del") removed++;
  }
  return { added, removed };
}
