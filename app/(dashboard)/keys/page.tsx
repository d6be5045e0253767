import type { Metadata } from "next";
import { requireViewer } from "@/app/_auth/get-viewer";
import { listKeysFor } from "@/lib/admin/identities";
import { getDb } from "@/lib/db/client";
import { KeyManager } from "@/components/admin/key-manager";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "API keys · Stowage" };
export const dynamic = "force-dynamic";

/** Every signed-in user manages their own API keys here. */
export default async function MyKeysPage() {
  const viewer = await requireViewer("/keys");
  const keys = await listKeysFor(getDb(), viewer, viewer.name);
  return (
    <div>
      <PageHeader
        title="Your API keys"
        subtitle={`For agents and scripts acting as ${viewer.name}. A key is shown once when created; revoking it takes effect at once.`}
      />
      <KeyManager identity={viewer.name} keys={keys} isSelf />
    </div>
  );
}
