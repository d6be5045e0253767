import Link from "next/link";
import { requireViewer } from "@/app/_auth/get-viewer";
import { orNotFound } from "@/app/_lib/or-not-found";
import { getSessionView } from "@/lib/artifacts/get-session-view";
import { getDb } from "@/lib/db/client";
import { DataTable, cellClass, nameCell, nowrapCell } from "@/components/browse/data-table";
import { DownloadLink } from "@/components/browse/download-link";
import { hrefWith, loadListing, param, type TSearchParams } from "@/components/browse/page-params";
import { HeaderFacts } from "@/components/browse/header-facts";
import { Pager } from "@/components/browse/pager";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatBytes, formatInstant } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass, linkClass } from "@/components/ui/styles";

export const metadata = { title: "Session · Stowage" };

const PAGE_SIZE = 50;

/** One session: its runs, and every artifact of every run in it (and its own), a page at a time. */
export default async function SessionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<TSearchParams>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const path = `/sessions/${encodeURIComponent(id)}`;
  const viewer = await requireViewer(path);
  const db = getDb();
  const paged = await loadListing(() =>
    orNotFound(() => getSessionView(db, viewer, id, { limit: PAGE_SIZE, cursor: param(query, "cursor") })),
  );
  const session = paged.data?.session ?? (await orNotFound(() => getSessionView(db, viewer, id, { limit: 1 }))).session;

  return (
    <>
      <PageHeader
        title={<span className="break-all">Session {session.id}</span>}
        subtitle={
          <HeaderFacts
            facts={[
              ["Namespace", session.namespace],
              ["Created", formatInstant(session.createdAt)],
            ]}
          />
        }
      />
      <section aria-labelledby="session-runs" className={`${cardClass} mb-6 p-4`}>
        <h2 id="session-runs" className="text-sm font-semibold text-slate-800">
          Runs ({session.runCount})
        </h2>
        {session.runs.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No runs in this session.</p>
        ) : (
          <ul className="mt-2 flex flex-wrap gap-2">
            {session.runs.map((r) => (
              <li key={r.key} className="min-w-0 max-w-full">
                <Link href={`/runs/${r.key}`} className={`${linkClass} block break-all rounded border border-slate-200 px-2 py-1 text-sm`}>
                  {r.id}
                  <span className="ml-2 text-xs text-slate-500">{formatInstant(r.createdAt)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {session.runCount > session.runs.length && (
          <p className="mt-2 text-sm">
            <Link className={linkClass} href={hrefWith("/runs", {}, { namespace: session.namespace, session: session.id })}>
              All {session.runCount} runs
            </Link>
          </p>
        )}
      </section>

      <h2 className="mb-2 text-lg font-semibold text-slate-900">Artifacts</h2>
      {paged.error !== undefined ? (
        <ErrorNotice title="This page of artifacts cannot be shown" message={paged.error} />
      ) : paged.data.artifacts.length === 0 ? (
        <EmptyState title="No artifacts in this session yet">
          Artifacts appear here when a run of this session publishes one, or when one is published with{" "}
          <code className="break-all">sessionId={session.id}</code>.
        </EmptyState>
      ) : (
        <>
          <DataTable caption="Artifacts in this session" head={["Name", "Run", "Version", "Size", "Type", "Updated", ""]}>
            {paged.data.artifacts.map((a) => (
              <tr key={a.id} data-testid="artifact-row">
                <td className={nameCell}>
                  <Link href={`/artifacts/${a.id}`} className={`${linkClass} font-medium`}>
                    {a.name}
                  </Link>
                  {a.sessionId === null && <span className="block text-xs text-slate-500">namespace-level</span>}
                </td>
                <td className={cellClass}>
                  {a.runs.length === 0 ? (
                    <span className="text-slate-500">—</span>
                  ) : (
                    <ul>
                      {a.runs.map((r) => (
                        <li key={r.key}>
                          <Link href={`/runs/${r.key}`} className={`${linkClass} break-all`}>
                            {r.id}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className={`${nowrapCell} tabular-nums`}>{a.latest ? `v${a.latest.version}` : "—"}</td>
                <td className={`${nowrapCell} tabular-nums`}>{a.latest ? formatBytes(a.latest.sizeBytes) : "—"}</td>
                <td className={nowrapCell}>{a.latest?.mimeType ?? "—"}</td>
                <td className={nowrapCell}>{formatInstant(a.updatedAt)}</td>
                <td className={nowrapCell}>{a.latest && <DownloadLink artifactId={a.id} version={a.latest.version} name={a.name} />}</td>
              </tr>
            ))}
          </DataTable>
          <Pager path={path} params={query} nextCursor={paged.data.nextCursor} label="Artifacts" />
        </>
      )}
    </>
  );
}
