import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/app/_auth/get-viewer";
import { listNamespaceUsages } from "@/lib/artifacts/list-namespace-usages";
import { getDb } from "@/lib/db/client";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass, linkClass } from "@/components/ui/styles";
import { UsageBar } from "@/components/ui/usage-bar";

export const metadata: Metadata = { title: "Namespaces · Stowage" };

const KIND_LABEL: Record<string, string> = { agent: "personal", ring: "group", custom: "custom" };

export default async function NamespacesPage() {
  const viewer = await requireViewer("/namespaces");
  const namespaces = await listNamespaceUsages(getDb(), viewer);
  return (
    <>
      <PageHeader
        title="Namespaces"
        subtitle={
          viewer.isAdmin ? "Every namespace (you are an admin)." : "The namespaces you can read, with their storage against the quota."
        }
      />
      {namespaces.length === 0 ? (
        <EmptyState title="No namespaces">You have no access to any namespace yet.</EmptyState>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" aria-label="Namespaces">
          {namespaces.map((ns) => (
            <li key={ns.name} className={`${cardClass} p-4`} data-testid="namespace-card" data-namespace={ns.name}>
              <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                <h2 className="min-w-0 break-all font-medium">
                  <Link className={linkClass} href={`/namespaces/${encodeURIComponent(ns.name)}`}>
                    {ns.name}
                  </Link>
                </h2>
                <span className="text-xs text-slate-500">
                  {KIND_LABEL[ns.kind] ?? ns.kind}
                  {ns.quotaOverride ? " · custom quota" : ""}
                </span>
              </div>
              <UsageBar usedBytes={ns.usedBytes} quotaBytes={ns.quotaBytes} label={ns.name} />
              <p className="mt-2 text-sm text-slate-600" data-testid="namespace-counts">
                {ns.artifactCount} {ns.artifactCount === 1 ? "artifact" : "artifacts"} · {ns.versionCount}{" "}
                {ns.versionCount === 1 ? "version" : "versions"}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
