import type { Metadata } from "next";
import { requireAdminViewer } from "@/app/_auth/get-viewer";
import { listGroups } from "@/lib/admin/groups";
import { listIdentities } from "@/lib/admin/identities";
import { getDb } from "@/lib/db/client";
import { CreateGroupForm } from "@/components/admin/create-group-form";
import { GroupCard } from "@/components/admin/group-card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Groups · Admin · Stowage" };
export const dynamic = "force-dynamic";

export default async function GroupsPage() {
  const viewer = await requireAdminViewer("/admin/groups");
  const db = getDb();
  const [groups, identities] = await Promise.all([listGroups(db, viewer), listIdentities(db, viewer)]);
  const names = identities.filter((i) => !i.disabledAt).map((i) => i.name);
  return (
    <div>
      <PageHeader
        title="Groups"
        subtitle="A group (ring) is a named set of identities; every member can read and write its ring: namespace."
      />
      <CreateGroupForm />
      {groups.length === 0 ? (
        <EmptyState title="No groups yet">Create one above, then add members.</EmptyState>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {groups.map((g) => (
            <GroupCard key={g.id} group={g} identities={names} />
          ))}
        </div>
      )}
    </div>
  );
}
