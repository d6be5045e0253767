import type { Metadata } from "next";
import { DataTable, srOnly } from "@/components/browse/data-table";
import Link from "next/link";
import { requireAdminViewer } from "@/app/_auth/get-viewer";
import { listIdentities } from "@/lib/admin/identities";
import { getDb } from "@/lib/db/client";
import { CreateIdentityButton } from "@/components/admin/create-identity-button";
import { EditIdentityButton } from "@/components/admin/edit-identity-button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatInstant } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Identities · Admin · Stowage" };
export const dynamic = "force-dynamic";

const badge = "inline-block rounded-full px-2 py-0.5 text-xs font-medium";

export default async function IdentitiesPage() {
  const viewer = await requireAdminViewer("/admin/identities");
  const identities = await listIdentities(getDb(), viewer);
  return (
    <div>
      <PageHeader
        title="Identities"
        subtitle="People sign in to the dashboard; agents use API keys. Each has a personal agent: namespace."
        actions={<CreateIdentityButton />}
      />
      {identities.length === 0 ? (
        <EmptyState title="No identities yet">Create one with “New identity”.</EmptyState>
      ) : (
        <DataTable
          caption="Identities"
          head={["Name", "Kind", "Email", "Admin", "Can sign in", "Created", "Status", srOnly("Actions")]}
          minWidth="min-w-[48rem]"
        >
          {identities.map((i) => (
            <tr key={i.id} data-testid={`identity-${i.name}`} className={i.disabledAt ? "bg-slate-50 text-slate-500" : undefined}>
              <th scope="row" className="px-4 py-2 font-medium text-slate-900">
                {i.name}
                {i.id === viewer.identityId && <span className="ml-2 text-xs font-normal text-slate-500">(you)</span>}
              </th>
              <td className="px-4 py-2">{i.kind}</td>
              <td className="max-w-[16rem] truncate px-4 py-2" title={i.email ?? undefined}>
                {i.email ?? "—"}
              </td>
              <td className="px-4 py-2">{i.isAdmin ? <span className={`${badge} bg-amber-100 text-amber-900`}>admin</span> : "—"}</td>
              <td className="px-4 py-2">{i.hasPassword && i.email ? "yes" : "no"}</td>
              <td className="whitespace-nowrap px-4 py-2">{formatInstant(i.createdAt)}</td>
              <td className="whitespace-nowrap px-4 py-2">
                {i.disabledAt ? (
                  <span className={`${badge} bg-red-100 text-red-800`} title={`since ${formatInstant(i.disabledAt)}`}>
                    disabled
                  </span>
                ) : (
                  <span className={`${badge} bg-emerald-100 text-emerald-800`}>active</span>
                )}
              </td>
              <td className="whitespace-nowrap px-4 py-2 text-right">
                <span className="flex items-center justify-end gap-3">
                  <Link
                    className={linkClass}
                    href={`/admin/keys?identity=${encodeURIComponent(i.name)}`}
                    aria-label={`API keys of ${i.name}`}
                  >
                    Keys
                  </Link>
                  <EditIdentityButton identity={i} isSelf={i.id === viewer.identityId} />
                </span>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
