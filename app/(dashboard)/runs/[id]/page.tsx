import Link from "next/link";
import { requireViewer } from "@/app/_auth/get-viewer";
import { orNotFound } from "@/app/_lib/or-not-found";
import { getRunView } from "@/lib/artifacts/get-run-view";
import { getDb } from "@/lib/db/client";
import { DataTable, nameCell, nowrapCell } from "@/components/browse/data-table";
import { DownloadLink } from "@/components/browse/download-link";
import { loadListing, param, type TSearchParams } from "@/components/browse/page-params";
import { HeaderFacts } from "@/components/browse/header-facts";
import { Pager } from "@/components/browse/pager";
import { Tabs } from "@/components/browse/tabs";
import { RunInputs } from "@/components/lineage/run-inputs";
import { listRunInputs } from "@/lib/lineage/list-run-inputs";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatBytes, formatInstant } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass, linkClass } from "@/components/ui/styles";

export const metadata = { title: "Run · Stowage" };

const PAGE_SIZE = 50;

/** One run: the Artifacts tab (what it published, a page at a time) and its Details. */
export default async function RunPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<TSearchParams> }) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const path = `/runs/${encodeURIComponent(id)}`;
  const viewer = await requireViewer(path);
  const db = getDb();
  const tabParam = param(query, "tab");
  const tab = tabParam === "details" || tabParam === "read" ? tabParam : "artifacts";
  // An unknown or unreadable run is the 404 page; a malformed cursor is an error shown on the tab.
  const onArtifacts = tab === "artifacts";
  const cursor = onArtifacts ? param(query, "cursor") : undefined;
  const paged = await loadListing(() => orNotFound(() => getRunView(db, viewer, id, { limit: onArtifacts ? PAGE_SIZE : 1, cursor })));
  const run = paged.data?.run ?? (await orNotFound(() => getRunView(db, viewer, id, { limit: 1 }))).run;

  return (
    <>
      <PageHeader
        title={<span className="break-all">Run {run.id}</span>}
        subtitle={
          <HeaderFacts
            facts={[
              ["Namespace", run.namespace],
              [
                "Session",
                run.sessionKey ? (
                  <Link href={`/sessions/${run.sessionKey}`} className={linkClass}>
                    {run.sessionId}
                  </Link>
                ) : (
                  "none"
                ),
              ],
              ["Created", formatInstant(run.createdAt)],
            ]}
          />
        }
      />
      <Tabs
        label="Run"
        current={tab}
        tabs={[
          { id: "artifacts", label: "Artifacts", href: path },
          { id: "read", label: "Read", href: `${path}?tab=read` },
          { id: "details", label: "Details", href: `${path}?tab=details` },
        ]}
      />
      {tab === "read" ? (
        <RunReadTab path={path} query={query} namespace={run.namespace} runId={run.id} viewer={viewer} />
      ) : tab === "details" ? (
        <dl className={`${cardClass} grid gap-3 p-4 text-sm sm:grid-cols-[12rem_1fr]`}>
          <dt className="font-medium text-slate-600">Run id</dt>
          <dd className="break-all font-mono">{run.id}</dd>
          <dt className="font-medium text-slate-600">Namespace</dt>
          <dd className="break-all">{run.namespace}</dd>
          <dt className="font-medium text-slate-600">Session</dt>
          <dd className="break-all">{run.sessionId ?? "none (not part of a session)"}</dd>
          <dt className="font-medium text-slate-600">Created</dt>
          <dd>{formatInstant(run.createdAt)}</dd>
          <dt className="font-medium text-slate-600">Artifacts published</dt>
          <dd>{paged.data?.artifactCount ?? "—"}</dd>
          <dt className="font-medium text-slate-600">API</dt>
          <dd className="break-all font-mono text-xs">
            GET /api/v1/runs/{encodeURIComponent(run.id)}/artifacts?namespace={encodeURIComponent(run.namespace)}
          </dd>
        </dl>
      ) : paged.error !== undefined ? (
        <ErrorNotice title="This page of artifacts cannot be shown" message={paged.error} />
      ) : (
        <RunArtifacts path={path} query={query} data={paged.data} />
      )}
    </>
  );
}

/** What the run read, a page at a time (a malformed cursor is an error shown on the tab). */
async function RunReadTab(props: {
  path: string;
  query: TSearchParams;
  namespace: string;
  runId: string;
  viewer: Awaited<ReturnType<typeof requireViewer>>;
}) {
  const page = await loadListing(() =>
    listRunInputs(getDb(), props.viewer, props.namespace, props.runId, { limit: PAGE_SIZE, cursor: param(props.query, "cursor") }),
  );
  if (page.error !== undefined) return <ErrorNotice title="This page of inputs cannot be shown" message={page.error} />;
  return <RunInputs path={props.path} query={props.query} data={page.data} />;
}

type TRunView = Awaited<ReturnType<typeof getRunView>>;

function RunArtifacts({ path, query, data }: { path: string; query: TSearchParams; data: TRunView }) {
  if (data.artifacts.length === 0) {
    return (
      <div id="tab-panel-artifacts">
        <EmptyState title="This run has not published any artifacts yet">
          Agents publish into a run by sending its id with an upload:{" "}
          <code className="break-all">
            POST /api/v1/artifacts?namespace={data.run.namespace}&amp;name=…&amp;runId={data.run.id}
          </code>
        </EmptyState>
      </div>
    );
  }
  return (
    <div id="tab-panel-artifacts">
      {data.artifactCount !== null && (
        <p className="mb-2 text-sm text-slate-600" data-testid="artifact-count">
          {`${data.artifactCount === 1 ? "1 artifact" : `${data.artifactCount} artifacts`} published by this run`}
        </p>
      )}
      <DataTable caption="Artifacts this run published" head={["Name", "Version", "Size", "Type", "Updated", ""]}>
        {data.artifacts.map((a) => {
          const [mine, ...older] = a.runVersions;
          return (
            <tr key={a.id} data-testid="artifact-row">
              <td className={nameCell}>
                <Link href={`/artifacts/${a.id}`} className={`${linkClass} font-medium`}>
                  {a.name}
                </Link>
              </td>
              <td className={nowrapCell}>
                {mine ? <span className="tabular-nums">v{mine.version}</span> : "—"}
                {older.length > 0 && (
                  <span className="block text-xs text-slate-500">also {older.map((v) => `v${v.version}`).join(", ")}</span>
                )}
                {mine && a.latestVersion !== null && a.latestVersion !== mine.version && (
                  <span className="block text-xs text-slate-500">latest is v{a.latestVersion}</span>
                )}
              </td>
              <td className={`${nowrapCell} tabular-nums`}>{mine ? formatBytes(mine.sizeBytes) : "—"}</td>
              <td className={nowrapCell}>{mine?.mimeType ?? "—"}</td>
              <td className={nowrapCell}>{formatInstant(a.updatedAt)}</td>
              <td className={nowrapCell}>{mine && <DownloadLink artifactId={a.id} version={mine.version} name={a.name} />}</td>
            </tr>
          );
        })}
      </DataTable>
      <Pager path={path} params={query} nextCursor={data.nextCursor} label="Artifacts" />
    </div>
  );
}
