/**
 * A table that scrolls sideways inside its own box on narrow screens, so the page never does.
 * `caption` names it for screen readers.
 */
export function DataTable({ caption, head, children }: { caption: string; head: React.ReactNode[]; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600" tabIndex={0} role="region" aria-label={caption}>
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
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

export const cellClass = "px-3 py-2 align-top";
export const nowrapCell = `${cellClass} whitespace-nowrap`;
/** The first column (a name or id): wide enough to read on a phone; long names wrap anywhere. */
export const nameCell = `${cellClass} min-w-[11rem] [overflow-wrap:anywhere]`;
