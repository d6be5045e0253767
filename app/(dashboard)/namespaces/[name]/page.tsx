import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/app/_auth/get-viewer";
import { orNotFound } from "@/app/_lib/or-not-found";
import { listNamespaceGrants } from "@/lib/admin/list-namespace-grants";
import { listLargestArtifacts } from "@/lib/artifacts/list-largest-artifacts";
import { getNamespaceUsage } from "@/lib/artifacts/namespace-usage";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { getUsageSeries } from "@/lib/quota/get-usage-series";
import { mayPreviewRetention } from "@/lib/retention/preview-retention";
import { NamespaceSettingsForm } from "@/components/namespaces/namespace-settings-form";
import { RetentionPreview } from "@/components/namespaces/retention-preview";
import { UsageChart } from "@/components/namespaces/usage-chart";
import { EmptyState } from "@/components/ui/empty-state";
import { formatBytes, formatInstant } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass, linkClass } from "@/components/ui/styles";
import { UsageBar } from "@/components/ui/usage-bar";

type TProps = { params: Promise<{ name: string }>; searchParams: Promise<{ days?: string }> };

const RANGES = [30, 90] as const;

function namespaceFromParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    notFound();
  }
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  return { title: `${namespaceFromParam((await params).name)} · Namespaces · Stowage` };
}

export default async function NamespacePage({ params, searchParams }: TProps) {
  const name = namespaceFromParam((await params).name);
  const days = (await searchParams).days === "90" ? 90 : 30;
  const path = `/namespaces/${encodeURIComponent(name)}`;
  const viewer = await requireViewer(path);
  const db = getDb();
  // The first call checks access: anyone who may not read the namespace gets the 404 page.
  const usage = await orNotFound(() => getNamespaceUsage(db, viewer, name));
  const [largest, series, grants, canPreview] = await Promise.all([
    listLargestArtifacts(db, viewer, name, 10),
    getUsageSeries(db, viewer, name, days),
    listNamespaceGrants(db, viewer, name),
    mayPreviewRetention(db, viewer, name),
  ]);
  const config = getConfig();
  const defaults = { quotaBytes: config.quotaDefaultBytes, retentionDays: config.retentionDays ?? null };

  return (
    <>
      <p className="mb-2 text-sm">
        <Link className={linkClass} href="/namespaces">
          ← All namespaces
        </Link>
      </p>
      <PageHeader title={<span className="break-all">{name}</span>} subtitle="Storage, quota and retention of this namespace." />

      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="usage-heading" className={`${cardClass} p-4`}>
          <h2 id="usage-heading" className="mb-3 font-medium">
            Usage
          </h2>
          <UsageBar usedBytes={usage.usedBytes} quotaBytes={usage.quotaBytes} label={name} />
          <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-600">Artifacts</dt>
            <dd data-testid="artifact-count">{usage.artifactCount}</dd>
            <dt className="text-slate-600">Versions</dt>
            <dd data-testid="version-count">{usage.versionCount}</dd>
            {usage.reservedBytes > 0 && (
              <>
                <dt className="text-slate-600">Held by uploads in progress</dt>
                <dd>{formatBytes(usage.reservedBytes)}</dd>
              </>
            )}
          </dl>
        </section>

        <section aria-labelledby="settings-heading" className={`${cardClass} p-4`}>
          <h2 id="settings-heading" className="mb-3 font-medium">
            Quota and retention
          </h2>
          {viewer.isAdmin ? (
            <NamespaceSettingsForm
              namespace={name}
              quotaBytes={usage.quotaOverride ? usage.quotaBytes : null}
              retentionDays={usage.retentionDays}
              keepVersions={usage.keepVersions}
              defaults={defaults}
            />
          ) : (
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm" data-testid="settings-readonly">
              <dt className="text-slate-600">Quota</dt>
              <dd>
                {formatBytes(usage.quotaBytes)}
                {usage.quotaOverride ? "" : " (default)"}
              </dd>
              <dt className="text-slate-600">Retention</dt>
              <dd>{retentionText(usage.retentionDays, defaults.retentionDays)}</dd>
              <dt className="text-slate-600">Versions kept</dt>
              <dd data-testid="keep-versions">{keepVersionsText(usage.keepVersions)}</dd>
            </dl>
          )}
          {canPreview && (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <RetentionPreview namespace={name} />
            </div>
          )}
        </section>
      </div>

      <section aria-labelledby="chart-heading" className={`${cardClass} mt-4 p-4`}>
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="chart-heading" className="font-medium">
            Usage over time
          </h2>
          <nav aria-label="Chart range" className="flex gap-1 text-sm">
            {RANGES.map((r) => (
              <Link
                key={r}
                href={`${path}?days=${r}`}
                aria-current={r === days ? "page" : undefined}
                className={`rounded-md px-2 py-1 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600 ${r === days ? "bg-sky-50 font-medium text-sky-800" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {r} days
              </Link>
            ))}
          </nav>
        </div>
        <UsageChart points={series} quotaBytes={usage.quotaBytes} label={name} />
      </section>

      <section aria-labelledby="largest-heading" className={`${cardClass} mt-4 p-4`}>
        <h2 id="largest-heading" className="font-medium">
          Largest artifacts
        </h2>
        <p className="mb-3 text-sm text-slate-600">The ten that take the most space, by the total size of all their versions.</p>
        {largest.length === 0 ? (
          <EmptyState title="No artifacts yet">
            <Link className={linkClass} href={`/upload?namespace=${encodeURIComponent(name)}`}>
              Upload one
            </Link>
          </EmptyState>
        ) : (
          // Focusable, so the table can be scrolled sideways from the keyboard on a phone.
          <div
            className="overflow-x-auto focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
            tabIndex={0}
            role="region"
            aria-labelledby="largest-heading"
          >
            <table className="w-full min-w-[32rem] text-left text-sm" data-testid="largest-artifacts">
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Artifact
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">
                    Total size
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">
                    Versions
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Updated
                  </th>
                </tr>
              </thead>
              <tbody>
                {largest.map((a) => (
                  <tr key={a.id} className="border-b border-slate-100 last:border-0">
                    <td className="max-w-[20rem] py-2 pr-3">
                      <Link className={`${linkClass} break-all`} href={`/artifacts/${a.id}`}>
                        {a.name}
                      </Link>
                      {a.sessionId && <span className="block break-all text-xs text-slate-500">session {a.sessionId}</span>}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatBytes(a.totalBytes)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{a.versionCount}</td>
                    <td className="whitespace-nowrap py-2 text-slate-600">{formatInstant(a.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="grants-heading" className={`${cardClass} mt-4 p-4`}>
        <h2 id="grants-heading" className="font-medium">
          Access grants
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          Who else may use it, besides{" "}
          {name.startsWith("agent:") ? "its owner and " : name.startsWith("ring:") ? "the group's members and " : ""}admins.
          {viewer.isAdmin && (
            <>
              {" "}
              Grants are managed on the{" "}
              <Link className={linkClass} href={`/admin/grants?namespace=${encodeURIComponent(name)}`}>
                admin pages
              </Link>
              .
            </>
          )}
        </p>
        {grants.length === 0 ? (
          <p className="text-sm text-slate-600">No grants.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="grants">
            {grants.map((g) => (
              <li key={g.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span className="break-all">{g.identity ? `identity ${g.identity}` : `group ${g.group}`}</span>
                <span className="text-slate-600">{g.permission === "write" ? "read and write" : "read only"}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function retentionText(days: number | null, defaultDays: number | null): string {
  if (days !== null) return `${days} ${days === 1 ? "day" : "days"}`;
  return defaultDays === null ? "kept until deleted (default)" : `${defaultDays} days (default)`;
}

function keepVersionsText(keep: number | null): string {
  if (keep === null) return "all";
  return `the newest ${keep} of each artifact (and any a protected alias points at)`;
}
