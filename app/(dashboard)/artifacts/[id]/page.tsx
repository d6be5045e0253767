import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { requireViewer } from "@/app/_auth/get-viewer";
import { orNotFound } from "@/app/_lib/or-not-found";
import { getArtifactView } from "@/lib/artifacts/get-artifact-view";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { ArtifactPreview } from "@/components/artifact/artifact-preview";
import { DeleteArtifactButton } from "@/components/artifact/delete-buttons";
import { artifactHref, compareHref, contentUrl, runHref, runsListHref, sessionHref } from "@/components/artifact/links";
import { parseAliasParam, parseVersionParam, withHistoryCursor } from "@/components/artifact/page-query";
import { ShareDialog } from "@/components/artifact/share-dialog";
import { TagEditor } from "@/components/artifact/tag-editor";
import { VersionHistory } from "@/components/artifact/version-history";
import { AliasBadges } from "@/components/aliases/alias-badges";
import { AliasList } from "@/components/aliases/alias-list";
import { VersionLineage } from "@/components/lineage/version-lineage";
import { param, type TSearchParams } from "@/components/browse/page-params";
import { CopyButton } from "@/components/ui/copy-button";
import { formatBytes, formatInstant } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { buttonSecondary, cardClass, linkClass } from "@/components/ui/styles";

export const metadata = { title: "Artifact · Stowage" };

const HISTORY_PAGE_SIZE = 20;

function Field({ label, children, wide = false }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={`min-w-0 ${wide ? "sm:col-span-2 lg:col-span-3" : ""}`}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 break-words text-sm text-slate-900">{children}</dd>
    </div>
  );
}

function MetadataValue({ value }: { value: unknown }) {
  if (typeof value === "string") return <>{value}</>;
  return <code className="break-all font-mono text-xs">{JSON.stringify(value)}</code>;
}

function PreviewLoading() {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 py-6 text-sm text-slate-600">
      <span className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-sky-700" aria-hidden />
      Loading the preview…
    </div>
  );
}

/**
 * One artifact: what it is, its aliases, the selected version (latest unless ?version=N or
 * ?alias=NAME) previewed, and its history.
 */
export default async function ArtifactPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<TSearchParams>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const versionParam = param(query, "version");
  const aliasParam = param(query, "alias");
  const viewer = await requireViewer(artifactHref(id, { version: versionParam, alias: aliasParam }));
  const version = parseVersionParam(versionParam);
  const alias = parseAliasParam(aliasParam);
  // Like the API: a version or an alias, not both; a name no alias can have finds nothing.
  if (version === "invalid" || alias === "invalid" || (version !== undefined && alias !== undefined)) notFound();
  const db = getDb();
  const { view, cursor } = await withHistoryCursor(param(query, "history"), (c) =>
    orNotFound(() => getArtifactView(db, viewer, id, { version: alias ?? version, limit: HISTORY_PAGE_SIZE, cursor: c })),
  );
  const { artifact, selected, permissions } = view;
  const latest = artifact.latestVersion!;
  const isLatest = selected.version === latest;
  const afterDeleteHref = selected.runKey ? runHref(selected.runKey) : runsListHref(artifact.namespace);
  const metadataEntries = Object.entries(selected.metadata);
  const selection = alias ? { alias: alias.alias } : { version: isLatest ? undefined : selected.version };

  return (
    <div className="space-y-6">
      <PageHeader
        title={<span className="wrap-anywhere">{artifact.name}</span>}
        subtitle={
          <span>
            <span className="break-all">{artifact.namespace}</span> · {view.versionCount} {view.versionCount === 1 ? "version" : "versions"}{" "}
            · latest v{latest}
          </span>
        }
        actions={
          <>
            <ShareDialog
              artifactId={artifact.id}
              version={selected.version}
              maxSeconds={getConfig().shareUrlMaxSeconds}
              canManageLinks={permissions.canManageLinks}
            />
            {view.versionCount > 1 && (
              <Link
                className={buttonSecondary}
                href={
                  isLatest ? `/artifacts/${encodeURIComponent(artifact.id)}/compare` : compareHref(artifact.id, selected.version, latest)
                }
              >
                Compare versions
              </Link>
            )}
            <a className={buttonSecondary} href={contentUrl(artifact.id, selected.version, true)} download>
              Download v{selected.version}
            </a>
            {permissions.canDelete && (
              <DeleteArtifactButton
                artifactId={artifact.id}
                name={artifact.name}
                versionCount={view.versionCount}
                afterHref={afterDeleteHref}
              />
            )}
          </>
        }
      />

      <section aria-labelledby="details-heading" className={`${cardClass} p-4`}>
        <h2 id="details-heading" className="sr-only">
          Details
        </h2>
        <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Field label="Namespace">
            <Link className={`${linkClass} break-all`} href={`/namespaces/${encodeURIComponent(artifact.namespace)}`}>
              {artifact.namespace}
            </Link>
          </Field>
          <Field label="Session">
            {artifact.sessionId && artifact.sessionKey ? (
              <Link className={`${linkClass} break-all`} href={sessionHref(artifact.sessionKey)}>
                {artifact.sessionId}
              </Link>
            ) : (
              <span className="text-slate-600">None (namespace-level)</span>
            )}
          </Field>
          <Field label="Owner">{artifact.createdBy}</Field>
          <Field label="Created">{formatInstant(artifact.createdAt)}</Field>
          <Field label="Updated">{formatInstant(artifact.updatedAt)}</Field>
          {artifact.expiresAt && <Field label="Expires">{formatInstant(artifact.expiresAt)}</Field>}
          {artifact.retainUntil && <Field label="Retained until">{formatInstant(artifact.retainUntil)}</Field>}
          <Field label="Tags" wide>
            <TagEditor artifactId={artifact.id} tags={artifact.tags} canEdit={permissions.canWrite} />
          </Field>
        </dl>
      </section>

      <section aria-labelledby="aliases-heading" className={`${cardClass} p-4`} data-testid="aliases">
        <h2 id="aliases-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Aliases
        </h2>
        <AliasList
          artifactId={artifact.id}
          aliases={view.aliases}
          latest={latest}
          selected={selected.version}
          selectedBy={alias?.alias}
          canWrite={permissions.canWrite}
        />
      </section>

      <section aria-labelledby="version-heading" className={`${cardClass} p-4`} data-testid="selected-version">
        <h2 id="version-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Version {selected.version}{" "}
          {isLatest ? (
            <span className="text-sm font-normal text-slate-600">(latest)</span>
          ) : (
            <Link className={`${linkClass} text-sm font-normal`} href={artifactHref(artifact.id)}>
              Show the latest (v{latest})
            </Link>
          )}
          {alias && <span className="ml-2 text-sm font-normal text-slate-600">by its alias {alias.alias}</span>}
        </h2>
        <AliasBadges
          aliases={view.aliases.filter((a) => a.version === selected.version)}
          version={selected.version}
          className="-mt-1 mb-4"
        />
        <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Field label="File name">
            <span className="break-all">{selected.filename}</span>
          </Field>
          <Field label="Type">{selected.mimeType}</Field>
          <Field label="Size">
            {formatBytes(selected.sizeBytes)} <span className="text-slate-500">({selected.sizeBytes.toLocaleString("en-US")} bytes)</span>
          </Field>
          <Field label="Published by">{selected.createdBy}</Field>
          <Field label="Published">{formatInstant(selected.createdAt)}</Field>
          <Field label="Run">
            {selected.runKey && selected.runId ? (
              <Link className={`${linkClass} break-all`} href={runHref(selected.runKey)}>
                {selected.runId}
              </Link>
            ) : (
              <span className="text-slate-600">None</span>
            )}
          </Field>
          <Field label="SHA-256" wide>
            <span className="flex flex-wrap items-center gap-2">
              <code className="break-all font-mono text-xs">{selected.sha256}</code>
              <CopyButton
                text={selected.sha256}
                label="Copy"
                ariaLabel="Copy the SHA-256"
                className="rounded px-1.5 py-0.5 text-xs text-sky-700 hover:bg-sky-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
              />
            </span>
          </Field>
        </dl>
        <h3 className="mb-2 mt-5 text-sm font-semibold text-slate-900">Custom metadata</h3>
        {metadataEntries.length === 0 ? (
          <p className="text-sm text-slate-600">None.</p>
        ) : (
          <dl className="divide-y divide-slate-100 rounded-md border border-slate-200 text-sm" data-testid="custom-metadata">
            {metadataEntries.map(([key, value]) => (
              <div key={key} className="grid grid-cols-1 gap-1 px-3 py-2 sm:grid-cols-[minmax(8rem,16rem)_1fr] sm:gap-4">
                <dt className="break-all font-medium text-slate-700">{key}</dt>
                <dd className="break-words text-slate-900">
                  <MetadataValue value={value} />
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section aria-labelledby="preview-heading" className={`${cardClass} p-4`} data-testid="preview">
        <h2 id="preview-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Preview
        </h2>
        <Suspense key={selected.version} fallback={<PreviewLoading />}>
          <ArtifactPreview artifactId={artifact.id} version={selected} viewer={viewer} />
        </Suspense>
      </section>

      <Suspense key={`lineage-${selected.version}`} fallback={null}>
        <VersionLineage artifactId={artifact.id} version={selected.version} viewer={viewer} />
      </Suspense>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Version history
        </h2>
        <VersionHistory
          artifactId={artifact.id}
          name={artifact.name}
          versions={view.versions}
          selected={selected.version}
          latest={latest}
          versionCount={view.versionCount}
          nextCursor={view.nextCursor}
          cursor={cursor}
          selection={selection}
          aliases={view.aliases}
          canWrite={permissions.canWrite}
          canDelete={permissions.canDelete}
          afterDeleteHref={afterDeleteHref}
        />
      </section>
    </div>
  );
}
