import Link from "next/link";
import { requireViewer } from "@/app/_auth/get-viewer";
import { listNamespaces } from "@/lib/admin/namespaces";
import { searchArtifacts } from "@/lib/artifacts/search-artifacts";
import { getDb } from "@/lib/db/client";
import { DataTable, nameCell, nowrapCell } from "@/components/browse/data-table";
import { NamespaceSelect } from "@/components/browse/namespace-select";
import { loadListing, param, type TSearchParams } from "@/components/browse/page-params";
import { Pager } from "@/components/browse/pager";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatBytes, formatInstant } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { buttonPrimary, buttonSecondary, cardClass, inputClass, labelClass, linkClass } from "@/components/ui/styles";

export const metadata = { title: "Search · Stowage" };

const PAGE_SIZE = 50;

/** `key=value` from the metadata field; anything else is the user's mistake to show. */
function parseMetadataFilter(input: string | undefined): { metadata?: Record<string, string>; error?: string } {
  if (!input) return {};
  const at = input.indexOf("=");
  if (at <= 0) return { error: "Metadata must be written as key=value, e.g. model=gpt-4o." };
  return { metadata: { [input.slice(0, at).trim()]: input.slice(at + 1).trim() } };
}

/** Artifacts the viewer can read, found by a part of the name, a tag and a metadata key=value. */
export default async function SearchPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const params = await searchParams;
  const viewer = await requireViewer("/search");
  const db = getDb();
  const q = { name: param(params, "q"), tag: param(params, "tag"), meta: param(params, "meta"), namespace: param(params, "namespace") };
  const searching = Boolean(q.name || q.tag || q.meta);
  const meta = parseMetadataFilter(q.meta);
  const [namespaces, result] = await Promise.all([
    listNamespaces(db, viewer),
    !searching
      ? null
      : meta.error
        ? { error: meta.error }
        : loadListing(() =>
            searchArtifacts(db, viewer, {
              name: q.name,
              tag: q.tag,
              metadata: meta.metadata,
              namespace: q.namespace,
              limit: PAGE_SIZE,
              cursor: param(params, "cursor"),
            }),
          ),
  ]);

  return (
    <>
      <PageHeader title="Search" subtitle="Find artifacts in every namespace you can read." />
      <form
        method="get"
        action="/search"
        role="search"
        aria-label="Search artifacts"
        className={`${cardClass} mb-6 grid gap-4 p-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end`}
      >
        <div>
          <label htmlFor="q" className={labelClass}>
            Name contains
          </label>
          <input id="q" name="q" type="search" defaultValue={q.name} className={`${inputClass} mt-1`} placeholder="report" />
        </div>
        <div>
          <label htmlFor="tag" className={labelClass}>
            Tag
          </label>
          <input id="tag" name="tag" defaultValue={q.tag} className={`${inputClass} mt-1`} placeholder="eval" />
        </div>
        <div>
          <label htmlFor="meta" className={labelClass}>
            Metadata
          </label>
          <input
            id="meta"
            name="meta"
            defaultValue={q.meta}
            className={`${inputClass} mt-1`}
            placeholder="key=value"
            aria-describedby="meta-hint"
          />
        </div>
        <NamespaceSelect namespaces={namespaces} value={q.namespace} />
        <div className="flex gap-2">
          <button type="submit" className={buttonPrimary}>
            Search
          </button>
          {(searching || q.namespace) && (
            <Link href="/search" className={buttonSecondary}>
              Clear
            </Link>
          )}
        </div>
        <p id="meta-hint" className="text-xs text-slate-500 sm:col-span-2 lg:col-span-5">
          Metadata matches one key=value of an artifact&apos;s latest version. ASCII letters in names match either case.
        </p>
      </form>

      {result === null ? (
        <EmptyState title="Search your artifacts">
          Type a part of a name (any case), a tag, or a metadata <code>key=value</code>; combine them to narrow down.
        </EmptyState>
      ) : result.error !== undefined ? (
        <ErrorNotice title="This search cannot be run" message={result.error} />
      ) : result.data.artifacts.length === 0 ? (
        <EmptyState title="No results">Nothing you can read matches. Try a shorter part of the name, or fewer conditions.</EmptyState>
      ) : (
        <>
          <DataTable caption="Search results" head={["Name", "Namespace", "Latest", "Size", "Updated"]}>
            {result.data.artifacts.map((a) => (
              <tr key={a.id} data-testid="result-row">
                <td className={nameCell}>
                  <Link href={`/artifacts/${a.id}`} className={`${linkClass} font-medium`}>
                    {a.name}
                  </Link>
                  {a.tags.length > 0 && (
                    <ul className="mt-1 flex flex-wrap gap-1" aria-label="Tags">
                      {a.tags.map((t) => (
                        <li key={t} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                          {t}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className={nowrapCell}>{a.namespace}</td>
                <td className={`${nowrapCell} tabular-nums`}>{a.latestVersion !== null ? `v${a.latestVersion}` : "—"}</td>
                <td className={`${nowrapCell} tabular-nums`}>{a.latest ? formatBytes(a.latest.sizeBytes) : "—"}</td>
                <td className={nowrapCell}>{formatInstant(a.updatedAt)}</td>
              </tr>
            ))}
          </DataTable>
          <Pager path="/search" params={params} nextCursor={result.data.nextCursor} label="Results" />
        </>
      )}
    </>
  );
}
