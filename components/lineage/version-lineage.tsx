import Link from "next/link";
import type { TPrincipal } from "@/lib/access/principal";
import { getDb } from "@/lib/db/client";
import { getVersionLineage } from "@/lib/lineage/get-version-lineage";
import { artifactHref, runHref } from "@/components/artifact/links";
import { formatInstant } from "@/components/ui/format";
import { cardClass, linkClass } from "@/components/ui/styles";

/** The selected version's "Derived from" and "Read by", as far as the viewer can read them. */
export async function VersionLineage({ artifactId, version, viewer }: { artifactId: string; version: number; viewer: TPrincipal }) {
  const lineage = await getVersionLineage(getDb(), viewer, artifactId, version);
  const { tool, model } = lineage.producedBy;
  return (
    <section aria-labelledby="lineage-heading" className={`${cardClass} p-4`} data-testid="lineage">
      <h2 id="lineage-heading" className="mb-3 text-lg font-semibold text-slate-900">
        Lineage
      </h2>
      {(tool || model) && (
        <p className="mb-3 text-sm text-slate-700" data-testid="produced-with">
          Produced{tool ? ` with ${tool}` : ""}
          {model ? ` by model ${model}` : ""}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <h3 className="mb-1 text-sm font-medium text-slate-600">Derived from</h3>
          {lineage.derivedFrom.length === 0 ? (
            <p className="text-sm text-slate-500">No inputs recorded.</p>
          ) : (
            <ul className="space-y-1 text-sm" data-testid="derived-from">
              {lineage.derivedFrom.map((d) => (
                <li key={`${d.artifactId}@${d.version}`}>
                  <Link href={artifactHref(d.artifactId, { version: d.version })} className={linkClass}>
                    {d.namespace}/{d.name} v{d.version}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 className="mb-1 text-sm font-medium text-slate-600">Read by</h3>
          {lineage.readBy.length === 0 ? (
            <p className="text-sm text-slate-500">No run has read this version.</p>
          ) : (
            <ul className="space-y-1 text-sm" data-testid="read-by">
              {lineage.readBy.map((r) => (
                <li key={r.key}>
                  <Link href={runHref(r.key)} className={linkClass}>
                    Run {r.runId}
                  </Link>{" "}
                  <span className="text-slate-500">{formatInstant(r.readAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
