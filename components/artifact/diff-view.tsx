import type { TDiffHunk, TDiffLine } from "@/lib/preview/diff-lines";
import { diffStats, toHunks } from "@/lib/preview/diff-lines";

/** Lines drawn at most; a bigger diff says how much more there is. */
const MAX_RENDERED_LINES = 4000;

const ROW_CLASS: Record<TDiffLine["kind"], string> = {
  same: "",
  add: "bg-emerald-50",
  del: "bg-red-50",
};

function Marker({ kind }: { kind: TDiffLine["kind"] }) {
  if (kind === "same") return <span className="sr-only">Unchanged:</span>;
  // The sign and colour for the eye, the word for screen readers.
  return kind === "add" ? (
    <>
      <span aria-hidden className="font-bold text-emerald-800">
        +
      </span>
      <span className="sr-only">Added:</span>
    </>
  ) : (
    <>
      <span aria-hidden className="font-bold text-red-800">
        −
      </span>
      <span className="sr-only">Removed:</span>
    </>
  );
}

function Skipped({ count }: { count: number }) {
  return (
    <tr>
      <td colSpan={4} className="bg-slate-100 px-3 py-1 text-center font-sans text-xs text-slate-600">
        ⋯ {count} unchanged {count === 1 ? "line" : "lines"}
      </td>
    </tr>
  );
}

/** A line diff as changes with three lines of context, old and new line numbers, +/− and words. */
export function DiffView({ lines, aLabel, bLabel }: { lines: TDiffLine[]; aLabel: string; bLabel: string }) {
  const { added, removed } = diffStats(lines);
  if (added === 0 && removed === 0)
    return (
      <p className="text-sm text-slate-600" data-testid="diff-summary">
        No line differs.
      </p>
    );
  const hunks = toHunks(lines, 3);
  const shownLines = hunks.reduce((n, h) => n + h.skippedBefore + h.lines.length, 0);
  const trailing = lines.length - shownLines;
  const { shown, cutOff } = firstLines(hunks, MAX_RENDERED_LINES);
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700" data-testid="diff-summary">
        <span className="font-medium text-emerald-800">
          {added} {added === 1 ? "line" : "lines"} added
        </span>
        , <span className="font-medium text-red-800">{removed} removed</span> from {aLabel} to {bLabel}.
      </p>
      <div
        className="relative overflow-x-auto rounded-md border border-slate-200"
        role="region"
        aria-label={`Line differences from ${aLabel} to ${bLabel}`}
        tabIndex={0}
      >
        <table className="w-full border-collapse font-mono text-xs leading-5" data-testid="diff">
          <thead className="sr-only">
            <tr>
              <th scope="col">{aLabel} line</th>
              <th scope="col">{bLabel} line</th>
              <th scope="col">Change</th>
              <th scope="col">Text</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ skippedBefore, lines: hunkLines }, h) => (
              <FragmentRows key={h}>
                {skippedBefore > 0 && <Skipped count={skippedBefore} />}
                {hunkLines.map((line, i) => (
                  <tr key={i} className={ROW_CLASS[line.kind]} data-diff={line.kind}>
                    <td className="w-10 select-none px-2 text-right align-top text-slate-500">{line.kind !== "add" ? line.aLine : ""}</td>
                    <td className="w-10 select-none px-2 text-right align-top text-slate-500">{line.kind !== "del" ? line.bLine : ""}</td>
                    <td className="w-5 select-none px-1 text-center align-top">
                      <Marker kind={line.kind} />
                    </td>
                    <td className="whitespace-pre-wrap break-all px-2 align-top text-slate-900">{line.text}</td>
                  </tr>
                ))}
              </FragmentRows>
            ))}
            {!cutOff && trailing > 0 && <Skipped count={trailing} />}
          </tbody>
        </table>
      </div>
      {cutOff && <p className="text-sm text-amber-900">The diff is long; only its first {MAX_RENDERED_LINES} lines are shown.</p>}
    </div>
  );
}

function FragmentRows({ children }: { children: React.ReactNode }) {
  return <>{children}</>;
}

/** The hunks cut to their first `max` lines (computed before rendering, which must not count as it goes). */
function firstLines(hunks: TDiffHunk[], max: number): { shown: TDiffHunk[]; cutOff: boolean } {
  const shown: TDiffHunk[] = [];
  let left = max;
  for (const hunk of hunks) {
    if (hunk.lines.length > left) {
      if (left > 0) shown.push({ ...hunk, lines: hunk.lines.slice(0, left) });
      return { shown, cutOff: true };
    }
    shown.push(hunk);
    left -= hunk.lines.length;
  }
  return { shown, cutOff: false };
}
