import type { Metadata } from "next";
import { requireViewer } from "@/app/_auth/get-viewer";
import { listWritableNamespaces } from "@/lib/access/list-writable-namespaces";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { UploadForm } from "@/components/upload/upload-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Upload · Stowage" };

export default async function UploadPage({ searchParams }: { searchParams: Promise<{ namespace?: string }> }) {
  const viewer = await requireViewer("/upload");
  const namespaces = await listWritableNamespaces(getDb(), viewer);
  const wanted = (await searchParams).namespace;
  const personal = `agent:${viewer.name}`;
  const initial = wanted && namespaces.includes(wanted) ? wanted : namespaces.includes(personal) ? personal : namespaces[0];
  return (
    <>
      <PageHeader
        title="Upload"
        subtitle="Publish files as artifacts. The same name in the same namespace and session becomes its next version."
      />
      {initial ? (
        <UploadForm
          namespaces={namespaces}
          defaultNamespace={initial}
          maxBytes={getConfig().maxUploadBytes}
          directMaxBytes={getConfig().directUploadMaxBytes}
        />
      ) : (
        <EmptyState title="Nowhere to upload">You cannot write to any namespace. An admin can grant you write access.</EmptyState>
      )}
    </>
  );
}
