import type { Metadata } from "next";
import { requireAdminViewer } from "@/app/_auth/get-viewer";
import { orNotFound } from "@/app/_lib/or-not-found";
import { listIdentities, listKeysFor } from "@/lib/admin/identities";
import { getDb } from "@/lib/db/client";
import { KeyManager } from "@/components/admin/key-manager";
import { PickerForm } from "@/components/admin/picker-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "API keys · Admin · Stowage" };
export const dynamic = "force-dynamic";

export default async function AdminKeysPage({ searchParams }: { searchParams: Promise<{ identity?: string }> }) {
  const viewer = await requireAdminViewer("/admin/keys");
  const { identity = viewer.name } = await searchParams;
  const db = getDb();
  const [identities, keys] = await Promise.all([listIdentities(db, viewer), orNotFound(() => listKeysFor(db, viewer, identity))]);
  return (
    <div>
      <PageHeader
        title="API keys"
        subtitle="Keys are shown once when created and stored only as a hash. Revoking one takes effect at once."
      />
      <PickerForm
        name="identity"
        label="Identity"
        value={identity}
        submitLabel="Show keys"
        options={identities.map((i) => ({
          value: i.name,
          label: `${i.name}${i.id === viewer.identityId ? " (you)" : ""}${i.disabledAt ? " (disabled)" : ""}`,
        }))}
      />
      <KeyManager key={identity} identity={identity} keys={keys} isSelf={identity === viewer.name} />
    </div>
  );
}
