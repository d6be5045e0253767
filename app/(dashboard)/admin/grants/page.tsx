import type { Metadata } from "next";
import { requireAdminViewer } from "@/app/_auth/get-viewer";
import { orNotFound } from "@/app/_lib/or-not-found";
import { listGroups } from "@/lib/admin/groups";
import { listIdentities } from "@/lib/admin/identities";
import { listGrants, listNamespaces } from "@/lib/admin/namespaces";
import { getDb } from "@/lib/db/client";
import { CreateNamespaceForm } from "@/components/admin/create-namespace-form";
import { GrantManager } from "@/components/admin/grant-manager";
import { PickerForm } from "@/components/admin/picker-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Grants · Admin · Stowage" };
export const dynamic = "force-dynamic";

export default async function GrantsPage({ searchParams }: { searchParams: Promise<{ namespace?: string }> }) {
  const viewer = await requireAdminViewer("/admin/grants");
  const db = getDb();
  const [namespaces, identities, groups] = await Promise.all([
    listNamespaces(db, viewer),
    listIdentities(db, viewer),
    listGroups(db, viewer),
  ]);
  const { namespace = namespaces[0]?.name } = await searchParams;
  const grants = namespace ? await orNotFound(() => listGrants(db, viewer, namespace)) : [];
  return (
    <div>
      <PageHeader
        title="Grants"
        subtitle="Read or write access to a namespace for identities and groups, beyond its owner or ring. Admins can use every namespace."
      />
      {!namespace ? (
        <EmptyState title="No namespaces yet">Create an identity, a group or a custom namespace first.</EmptyState>
      ) : (
        <>
          <PickerForm
            name="namespace"
            label="Namespace"
            value={namespace}
            submitLabel="Show grants"
            options={namespaces.map((ns) => ({ value: ns.name, label: `${ns.name} (${ns.kind})` }))}
          />
          <GrantManager
            key={namespace}
            namespace={namespace}
            grants={grants}
            identities={identities.filter((i) => !i.disabledAt).map((i) => i.name)}
            groups={groups.map((g) => g.name)}
          />
        </>
      )}
      <section aria-labelledby="custom-ns-heading" className={`${cardClass} mt-8 p-4`}>
        <h2 id="custom-ns-heading" className="font-medium text-slate-900">
          Custom namespaces
        </h2>
        <p className="mb-3 mt-1 text-sm text-slate-600">
          Personal (agent:) and ring: namespaces come with their identity or group. Others, such as team:ml or app:reports, are created here
          and used through grants.
        </p>
        <CreateNamespaceForm />
      </section>
    </div>
  );
}
