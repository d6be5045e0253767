/** Entries shown per object or array; the rest are counted, not rendered. */
const MAX_ENTRIES = 500;
/** Values rendered in all: keeps the page small whatever the document's shape. */
const MAX_NODES = 5000;
/** Levels open at first; deeper ones start folded. */
const OPEN_DEPTH = 2;

/** The document as it is drawn: values laid out first, within MAX_NODES, then rendered. */
type TLaidOut =
  { kind: "scalar"; value: unknown } | { kind: "container"; isArray: boolean; total: number; children: [string | number, TLaidOut][] };

/** Depth-first, so the first MAX_NODES values in document order are the ones shown. */
function layOut(value: unknown, budget: { left: number }): TLaidOut {
  budget.left--;
  if (value === null || typeof value !== "object") return { kind: "scalar", value };
  const isArray = Array.isArray(value);
  const entries: [string | number, unknown][] = isArray ? value.map((v, i) => [i, v]) : Object.entries(value);
  const children: [string | number, TLaidOut][] = [];
  const take = budget.left > 0 ? Math.min(entries.length, MAX_ENTRIES, Math.max(1, budget.left)) : 0;
  for (const [key, child] of entries.slice(0, take)) children.push([key, layOut(child, budget)]);
  return { kind: "container", isArray, total: entries.length, children };
}

const summaryClass =
  "cursor-pointer select-none rounded px-1 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600";

function Key({ name }: { name: string | number | null }) {
  if (name === null) return null;
  return (
    <>
      <span className={typeof name === "number" ? "text-slate-500" : "text-violet-800"}>
        {typeof name === "number" ? name : JSON.stringify(name)}
      </span>
      <span className="text-slate-500">: </span>
    </>
  );
}

function Scalar({ value }: { value: unknown }) {
  if (value === null) return <span className="text-slate-500">null</span>;
  if (typeof value === "string") return <span className="break-all text-emerald-800">{JSON.stringify(value)}</span>;
  if (typeof value === "number") return <span className="text-sky-800">{String(value)}</span>;
  return <span className="text-amber-800">{String(value)}</span>;
}

function Node({ name, node, depth }: { name: string | number | null; node: TLaidOut; depth: number }) {
  if (node.kind === "scalar") {
    return (
      <li className="pl-5">
        <Key name={name} />
        <Scalar value={node.value} />
      </li>
    );
  }
  const { isArray, total, children } = node;
  const [open, close] = isArray ? ["[", "]"] : ["{", "}"];
  const count = `${total} ${isArray ? (total === 1 ? "item" : "items") : total === 1 ? "key" : "keys"}`;
  if (total === 0) {
    return (
      <li className="pl-5">
        <Key name={name} />
        <span className="text-slate-600">
          {open}
          {close}
        </span>
      </li>
    );
  }
  return (
    <li>
      {/* <details> folds natively: Enter or Space on the focused summary toggles it, and screen readers announce expanded/collapsed. */}
      <details open={depth < OPEN_DEPTH}>
        <summary className={summaryClass}>
          <Key name={name} />
          <span className="text-slate-600">{open}</span>
          <span className="ml-1 text-xs text-slate-500">{count}</span>
          <span className="hidden text-slate-600 [details:not([open])>summary>&]:inline">…{close}</span>
        </summary>
        <ul className="ml-3 border-l border-slate-200">
          {children.map(([key, child]) => (
            <Node key={key} name={key} node={child} depth={depth + 1} />
          ))}
          {children.length < total && (
            <li className="pl-5 italic text-slate-500">… {total - children.length} more not shown (download the file to see everything)</li>
          )}
        </ul>
        <span className="pl-1 text-slate-600">{close}</span>
      </details>
    </li>
  );
}

/** A JSON document as a foldable tree, rendered on the server with no client code. */
export function JsonTree({ value }: { value: unknown }) {
  const root = layOut(value, { left: MAX_NODES });
  return (
    <ul className="overflow-x-auto font-mono text-sm leading-6" data-testid="json-tree" aria-label="JSON document">
      <Node name={null} node={root} depth={0} />
    </ul>
  );
}
