import Link from "next/link";
import type { listRunInputs } from "@/lib/lineage/list-run-inputs";
import { artifactHref } from "@/components/artifact/links";
import { DataTable, nameCell, nowrapCell } from "@/components/browse/data-table";
import type { TSearchParams } from "@/components/browse/page-params";
import { Pager } from "@/components/browse/pager";
import { EmptyState } from "@/components/ui/empty-state";
import { formatInstant } from "@/components/ui/format";
import { linkClass } from "@/components/ui/styles";

type TRunInputs = Awaited<ReturnType<typeof listRunInputs>>;

/** The run page's Read tab: the versions the run downloaded, newest first, each linking to its version view. */
export function RunInputs({ path, query, data }: { path: string; query: TSearchParams; data: TRunInputs }) {
  if (data.inputs.length === 0) {
    return (
      <div id="tab-panel-read">
        <EmptyState title="This run has not read any artifacts yet">
          Downloads are recorded as a run&apos;s inputs when they carry its id: <code>X-Stowage-Run: {data.run.id}</code> or{" "}
          <code>?runId={data.run.id}</code>.
        </EmptyState>
      </div>
    );
  }
  return (
    <div id="tab-panel-read">
      <DataTable caption="Versions this run read" head={["Name", "Version", "Published", "First read"]}>
        {data.inputs.map((i) => (
          <tr key={`${i.artifactId}@${i.version}`} data-testid="input-row">
            <td className={nameCell}>
              <Link href={artifactHref(i.artifactId, { version: i.version })} className={`${linkClass} font-medium`}>
                {i.name}
              </Link>
            </td>
            <td className={`${nowrapCell} tabular-nums`}>v{i.version}</td>
            <td className={nowrapCell}>{formatInstant(i.createdAt)}</td>
            <td className={nowrapCell}>{formatInstant(i.readAt)}</td>
          </tr>
        ))}
      </DataTable>
      <Pager path={path} params={query} nextCursor={data.nextCursor} label="Inputs" />
    </div>
  );
}
