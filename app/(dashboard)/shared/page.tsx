import Link from "next/link";
import { requireViewer } from "@/app/_auth/get-viewer";
import { listSharedWithMe } from "@/lib/sharing/list-shared-with-me";
import { getDb } from "@/lib/db/client";
import { DataTable, cellClass, nameCell, nowrapCell } from "@/components/browse/data-table";
import { DownloadLink } from "@/components/browse/download-link";
import { loadListing, param, type TSearchParams } from "@/components/browse/page-params";
import { Pager } from "@/components/browse/pager";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatBytes, formatInstant } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";

export const metadata = { title: "Shared with me · Stowage" };

const PAGE_SIZE = 50;

/** Artifacts other people shared with the viewer (directly or through a group), newest first. */
export default async function SharedPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const params = await searchParams;
  const viewer = await requireViewer("/shared");
  const result = await loadListing(() => listSharedWithMe(getDb(), viewer, { limit: PAGE_SIZE, cursor: param(params, "cursor") }));

  return (
    <>
      <PageHeader
        title="Shared with me"
        subtitle="Artifacts from namespaces you cannot otherwise read, shared with you or one of your groups."
      />
      {result.error !== undefined ? (
        <ErrorNotice title="This page cannot be shown" message={result.error} />
      ) : result.data.artifacts.length === 0 ? (
        <EmptyState title="Nothing has been shared with you yet">
          When someone shares an artifact with you or a group you belong to, it is listed here.
        </EmptyState>
      ) : (
        <>
          <DataTable caption="Artifacts shared with me" head={["Name", "Namespace", "Latest", "Size", "Shared by", "Shared", ""]}>
            {result.data.artifacts.map((a) => (
              <tr key={a.id} data-testid="shared-row">
                <td className={nameCell}>
                  <Link href={`/artifacts/${a.id}`} className={`${linkClass} font-medium`}>
                    {a.name}
                  </Link>
                </td>
                <td className={nowrapCell}>{a.namespace}</td>
                <td className={`${nowrapCell} tabular-nums`}>{a.latestVersion !== null ? `v${a.latestVersion}` : "—"}</td>
                <td className={`${nowrapCell} tabular-nums`}>{a.latest ? formatBytes(a.latest.sizeBytes) : "—"}</td>
                <td className={cellClass}>
                  <ul>
                    {a.sharedWithMe.map((s) => (
                      <li key={s.id} className="whitespace-nowrap">
                        {s.createdBy ?? "someone"}
                        <span className="text-xs text-slate-500">{s.group ? ` · with group ${s.group}` : " · with you"}</span>
                      </li>
                    ))}
                  </ul>
                </td>
                <td className={cellClass}>
                  <ul>
                    {a.sharedWithMe.map((s) => (
                      <li key={s.id} className="whitespace-nowrap">
                        {formatInstant(s.createdAt)}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className={nowrapCell}>{a.latest && <DownloadLink artifactId={a.id} version={a.latest.version} name={a.name} />}</td>
              </tr>
            ))}
          </DataTable>
          <Pager path="/shared" params={params} nextCursor={result.data.nextCursor} label="Shared artifacts" />
        </>
      )}
    </>
  );
}
