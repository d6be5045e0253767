/**
 * A table that scrolls sideways inside its own box on narrow screens, so the page never does.
 * `caption` names it for screen readers; `minWidth` (a Tailwind class) keeps wide tables from
 * squeezing their columns before they scroll.
 */
export function DataTable({
  caption,
  head,
  children,
  minWidth = "",
  testId,
}: {
  caption: string;
  head: React.ReactNode[];
  children: React.ReactNode;
  minWidth?: string;
  testId?: string;
}) {
  return (
    // relative: screen-reader-only headings (absolutely positioned) stay inside the scroll box
    // instead of widening the page.
    <div
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      <table className={`min-w-full ${minWidth} divide-y divide-slate-200 text-left text-sm`} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

/** A heading only screen readers need (e.g. over a column of buttons). */
export const srOnly = (text: string) => <span className="sr-only">{text}</span>;

export const cellClass = "px-3 py-2 align-top";
export const nowrapCell = `${cellClass} whitespace-nowrap`;
/** The first column (a name or id): wide enough to read on a phone; long names wrap anywhere. */
export const nameCell = `${cellClass} min-w-[11rem] [overflow-wrap:anywhere]`;
