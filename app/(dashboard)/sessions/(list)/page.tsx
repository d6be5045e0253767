import Link from "next/link";
import { requireViewer } from "@/app/_auth/get-viewer";
import { listNamespaces } from "@/lib/admin/namespaces";
import { listSessions } from "@/lib/artifacts/list-runs-and-sessions";
import { getDb } from "@/lib/db/client";
import { DataTable, nameCell, nowrapCell } from "@/components/browse/data-table";
import { NamespaceSelect } from "@/components/browse/namespace-select";
import { loadListing, param, type TSearchParams } from "@/components/browse/page-params";
import { Pager } from "@/components/browse/pager";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatInstant } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { buttonPrimary, buttonSecondary, cardClass, linkClass } from "@/components/ui/styles";

export const metadata = { title: "Sessions · Stowage" };

const PAGE_SIZE = 50;

/** Every session the viewer can read, newest first, filterable by namespace. */
export default async function SessionsPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const params = await searchParams;
  const viewer = await requireViewer("/sessions");
  const db = getDb();
  const namespace = param(params, "namespace");
  const [namespaces, result] = await Promise.all([
    listNamespaces(db, viewer),
    loadListing(() => listSessions(db, viewer, { namespace, limit: PAGE_SIZE, cursor: param(params, "cursor") })),
  ]);

  return (
    <>
      <PageHeader title="Sessions" subtitle="Conversations and jobs, each rolling up the artifacts of all its runs." />
      <form
        method="get"
        action="/sessions"
        role="search"
        aria-label="Filter sessions"
        className={`${cardClass} mb-6 flex flex-col gap-4 p-4 sm:flex-row sm:items-end`}
      >
        <div className="sm:w-80">
          <NamespaceSelect namespaces={namespaces} value={namespace} />
        </div>
        <div className="flex gap-2">
          <button type="submit" className={buttonPrimary}>
            Filter
          </button>
          {namespace && (
            <Link href="/sessions" className={buttonSecondary}>
              Clear
            </Link>
          )}
        </div>
      </form>

      {result.error !== undefined ? (
        <ErrorNotice title="This filter cannot be used" message={result.error} />
      ) : result.data.sessions.length === 0 ? (
        <EmptyState title={namespace ? "No sessions in this namespace" : "No sessions yet"}>
          A session appears when an agent publishes with a <code>sessionId</code>, e.g.{" "}
          <code className="break-all">POST /api/v1/artifacts?namespace=…&amp;name=…&amp;sessionId=…&amp;runId=…</code>
        </EmptyState>
      ) : (
        <>
          <DataTable caption="Sessions" head={["Session", "Namespace", "Created", "Runs"]}>
            {result.data.sessions.map((s) => (
              <tr key={s.key} data-testid="session-row">
                <td className={nameCell}>
                  <Link href={`/sessions/${s.key}`} className={`${linkClass} font-medium`}>
                    {s.id}
                  </Link>
                </td>
                <td className={nowrapCell}>{s.namespace}</td>
                <td className={nowrapCell}>{formatInstant(s.createdAt)}</td>
                <td className={`${nowrapCell} tabular-nums`}>{s.runCount}</td>
              </tr>
            ))}
          </DataTable>
          <Pager path="/sessions" params={params} nextCursor={result.data.nextCursor} label="Sessions" />
        </>
      )}
    </>
  );
}
