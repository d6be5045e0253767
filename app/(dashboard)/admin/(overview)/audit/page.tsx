import type { Metadata } from "next";
import { DataTable } from "@/components/browse/data-table";
import Link from "next/link";
import { requireAdminViewer } from "@/app/_auth/get-viewer";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { getDb } from "@/lib/db/client";
import { StowageError } from "@/lib/errors";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatInstant } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Audit log · Admin · Stowage" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const viewer = await requireAdminViewer("/admin/audit");
  const { cursor } = await searchParams;
  let result;
  try {
    result = await listAuditEvents(getDb(), viewer, { limit: PAGE_SIZE, cursor });
  } catch (error) {
    if (!(error instanceof StowageError && error.code === "ARTIFACT_VALIDATION_FAILED")) throw error;
    return (
      <div className="space-y-4">
        <PageHeader title="Audit log" />
        <ErrorNotice title="That page of the audit log does not exist" message={error.message} />
        <Link className={linkClass} href="/admin/audit">
          Newest events
        </Link>
      </div>
    );
  }
  const { events, nextCursor } = result;
  return (
    <div>
      <PageHeader
        title="Audit log"
        subtitle="Uploads, downloads, shares, deletions and quota changes, newest first. Also at GET /api/v1/audit with filters."
      />
      {events.length === 0 ? (
        <EmptyState title="Nothing recorded yet" />
      ) : (
        <DataTable caption="Audit events" head={["When", "Who", "Action", "Namespace", "Artifact", "Details"]} minWidth="min-w-[52rem]">
          {events.map((e) => (
            <tr key={e.id}>
              <td className="whitespace-nowrap px-4 py-2">{formatInstant(e.createdAt)}</td>
              <td className="max-w-[12rem] truncate px-4 py-2" title={e.actorName}>
                {e.actorName}
              </td>
              <td className="whitespace-nowrap px-4 py-2 font-mono text-xs">{e.action}</td>
              <td className="max-w-[12rem] truncate px-4 py-2" title={e.namespace ?? undefined}>
                {e.namespace ?? "—"}
              </td>
              <td className="whitespace-nowrap px-4 py-2 font-mono text-xs">
                {e.artifactId ? `${e.artifactId.slice(0, 10)}…${e.version !== null ? ` v${e.version}` : ""}` : "—"}
              </td>
              <td className="max-w-[20rem] truncate px-4 py-2 font-mono text-xs" title={JSON.stringify(e.details)}>
                {Object.keys(e.details).length ? JSON.stringify(e.details) : "—"}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <div className="mt-4 flex gap-4 text-sm">
        {cursor && (
          <Link className={linkClass} href="/admin/audit">
            Newest events
          </Link>
        )}
        {nextCursor && (
          <Link className={linkClass} href={`/admin/audit?cursor=${encodeURIComponent(nextCursor)}`}>
            Older events
          </Link>
        )}
      </div>
    </div>
  );
}
