import Link from "next/link";
import { requireViewer } from "@/app/_auth/get-viewer";
import { listNamespaces } from "@/lib/admin/namespaces";
import { listRuns } from "@/lib/artifacts/list-runs-and-sessions";
import { getDb } from "@/lib/db/client";
import { DataTable, cellClass, nameCell, nowrapCell } from "@/components/browse/data-table";
import { NamespaceSelect } from "@/components/browse/namespace-select";
import { dayAfter, loadListing, param, type TSearchParams } from "@/components/browse/page-params";
import { Pager } from "@/components/browse/pager";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatInstant } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { buttonPrimary, buttonSecondary, cardClass, inputClass, labelClass, linkClass } from "@/components/ui/styles";

export const metadata = { title: "Runs · Stowage" };

const PAGE_SIZE = 50;

/** Every run the viewer can read, newest first; the filters are a GET form, so a filtered list is a link. */
export default async function RunsPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const params = await searchParams;
  const viewer = await requireViewer("/runs");
  const db = getDb();
  const filter = {
    namespace: param(params, "namespace"),
    session: param(params, "session"),
    from: param(params, "from"),
    to: param(params, "to"),
  };
  const filtered = Object.values(filter).some(Boolean);
  const [namespaces, result] = await Promise.all([
    listNamespaces(db, viewer),
    loadListing(() =>
      listRuns(db, viewer, {
        namespace: filter.namespace,
        sessionId: filter.session,
        from: filter.from,
        to: dayAfter(filter.to),
        limit: PAGE_SIZE,
        cursor: param(params, "cursor"),
      }),
    ),
  ]);

  return (
    <>
      <PageHeader title="Runs" subtitle="Every run in the namespaces you can read, newest first." />
      <form
        method="get"
        action="/runs"
        role="search"
        aria-label="Filter runs"
        className={`${cardClass} mb-6 grid gap-4 p-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end`}
      >
        <NamespaceSelect namespaces={namespaces} value={filter.namespace} />
        <div>
          <label htmlFor="session" className={labelClass}>
            Session
          </label>
          <input
            id="session"
            name="session"
            defaultValue={filter.session}
            className={`${inputClass} mt-1`}
            placeholder="session id"
            aria-describedby="session-hint"
          />
        </div>
        <div>
          <label htmlFor="from" className={labelClass}>
            Created from
          </label>
          <input id="from" name="from" type="date" defaultValue={filter.from} className={`${inputClass} mt-1`} />
        </div>
        <div>
          <label htmlFor="to" className={labelClass}>
            Created to
          </label>
          <input id="to" name="to" type="date" defaultValue={filter.to} className={`${inputClass} mt-1`} />
        </div>
        <div className="flex gap-2">
          <button type="submit" className={buttonPrimary}>
            Filter
          </button>
          {filtered && (
            <Link href="/runs" className={buttonSecondary}>
              Clear
            </Link>
          )}
        </div>
        <p id="session-hint" className="text-xs text-slate-500 sm:col-span-2 lg:col-span-5">
          Session ids are per namespace: pick a namespace to filter by session. Dates are UTC days, both included.
        </p>
      </form>

      {result.error !== undefined ? (
        <ErrorNotice title="These filters cannot be used" message={result.error} />
      ) : result.data.runs.length === 0 ? (
        filtered ? (
          <EmptyState title="No runs match these filters">
            <Link href="/runs" className={linkClass}>
              Show all runs
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title="No runs yet">
            A run appears when an agent publishes an artifact with a <code>runId</code>, e.g.{" "}
            <code className="break-all">POST /api/v1/artifacts?namespace=…&amp;name=…&amp;runId=…</code>
          </EmptyState>
        )
      ) : (
        <>
          <DataTable caption="Runs" head={["Run", "Namespace", "Session", "Created", "Artifacts"]}>
            {result.data.runs.map((run) => (
              <tr key={run.key} data-testid="run-row">
                <td className={nameCell}>
                  <Link href={`/runs/${run.key}`} className={`${linkClass} font-medium`}>
                    {run.id}
                  </Link>
                </td>
                <td className={nowrapCell}>{run.namespace}</td>
                <td className={cellClass}>
                  {run.sessionKey && run.sessionId ? (
                    <Link href={`/sessions/${run.sessionKey}`} className={`${linkClass} break-all`}>
                      {run.sessionId}
                    </Link>
                  ) : (
                    <span className="text-slate-500">—</span>
                  )}
                </td>
                <td className={nowrapCell}>{formatInstant(run.createdAt)}</td>
                <td className={`${nowrapCell} tabular-nums`}>{run.artifactCount}</td>
              </tr>
            ))}
          </DataTable>
          <Pager path="/runs" params={params} nextCursor={result.data.nextCursor} label="Runs" />
        </>
      )}
    </>
  );
}
