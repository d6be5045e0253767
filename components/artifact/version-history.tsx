import Link from "next/link";
import type { TAliasDto } from "@/lib/aliases/alias-dto";
import type { TArtifactViewVersion } from "@/lib/artifacts/get-artifact-view";
import { AliasBadges } from "@/components/aliases/alias-badges";
import { SetAliasButton } from "@/components/aliases/set-alias-button";
import { DataTable, cellClass as cell, srOnly } from "@/components/browse/data-table";
import { CopyButton } from "@/components/ui/copy-button";
import { formatBytes, formatInstant, shortSha } from "@/components/ui/format";
import { linkClass } from "@/components/ui/styles";
import { DeleteVersionButton } from "./delete-buttons";
import { artifactHref, contentUrl, runHref } from "./links";

const smallButton =
  "rounded px-1.5 py-0.5 text-xs text-sky-700 hover:bg-sky-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600";

/**
 * Version history, newest first, one page at a time: pick one to preview, see its aliases,
 * download any, set an alias on one (writers), delete (owners).
 */
export function VersionHistory({
  artifactId,
  name,
  versions,
  selected,
  latest,
  versionCount,
  nextCursor,
  cursor,
  selection,
  aliases,
  canWrite,
  canDelete,
  afterDeleteHref,
}: {
  artifactId: string;
  name: string;
  versions: TArtifactViewVersion[];
  selected: number;
  latest: number;
  versionCount: number;
  nextCursor: string | null;
  cursor: string | undefined;
  /** How the page's URL chose the version on show (`{ alias }` or `{ version }`), kept across history pages. */
  selection: { version?: number; alias?: string };
  aliases: TAliasDto[];
  canWrite: boolean;
  canDelete: boolean;
  afterDeleteHref: string;
}) {
  return (
    <div>
      <DataTable
        caption="Version history"
        head={["Version", "Published by", "When", "Size", "SHA-256", "Run", srOnly("Actions")]}
        minWidth="min-w-[52rem]"
        testId="version-history"
      >
        {versions.map((v) => {
          const isSelected = v.version === selected;
          return (
            <tr
              key={v.version}
              aria-current={isSelected ? "true" : undefined}
              className={isSelected ? "bg-sky-50" : undefined}
              data-testid={`version-row-${v.version}`}
            >
              <td className={`${cell} whitespace-nowrap font-medium`}>
                {isSelected ? (
                  <span>
                    v{v.version} <span className="text-xs font-normal text-sky-800">(showing)</span>
                  </span>
                ) : (
                  <Link
                    className={linkClass}
                    href={artifactHref(artifactId, { version: v.version === latest ? undefined : v.version, history: cursor })}
                    title={`Show version ${v.version}`}
                  >
                    v{v.version}
                  </Link>
                )}
                {v.version === latest && (
                  <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-700">latest</span>
                )}
                <AliasBadges aliases={aliases.filter((a) => a.version === v.version)} version={v.version} />
              </td>
              <td className={`${cell} whitespace-nowrap`}>{v.createdBy}</td>
              <td className={`${cell} whitespace-nowrap`}>{formatInstant(v.createdAt)}</td>
              <td className={`${cell} whitespace-nowrap`}>{formatBytes(v.sizeBytes)}</td>
              <td className={`${cell} whitespace-nowrap`}>
                <code className="font-mono text-xs" title={v.sha256}>
                  {shortSha(v.sha256)}
                </code>
                <CopyButton
                  text={v.sha256}
                  label="Copy"
                  ariaLabel={`Copy the SHA-256 of version ${v.version}`}
                  className={`${smallButton} ml-1`}
                />
              </td>
              <td className={`${cell} whitespace-nowrap`}>
                {v.runKey && v.runId ? (
                  <Link className={linkClass} href={runHref(v.runKey)}>
                    {v.runId}
                  </Link>
                ) : (
                  <span className="text-slate-500">—</span>
                )}
              </td>
              <td className={`${cell} whitespace-nowrap`}>
                <div className="flex items-center gap-1">
                  <a
                    className={smallButton.replace("text-xs", "text-sm")}
                    href={contentUrl(artifactId, v.version, true)}
                    download
                    aria-label={`Download version ${v.version}`}
                  >
                    Download
                  </a>
                  {canWrite && (
                    <SetAliasButton
                      artifactId={artifactId}
                      version={v.version}
                      aliases={aliases}
                      label="Set alias"
                      ariaLabel={`Set an alias on version ${v.version}`}
                      className={smallButton.replace("text-xs", "text-sm")}
                    />
                  )}
                  {canDelete && (
                    <DeleteVersionButton
                      artifactId={artifactId}
                      name={name}
                      version={v.version}
                      isOnlyVersion={versionCount === 1}
                      isSelected={isSelected}
                      afterHref={afterDeleteHref}
                      artifactHref={artifactHref(artifactId)}
                    />
                  )}
                </div>
              </td>
            </tr>
          );
        })}
      </DataTable>
      {(cursor || nextCursor) && (
        <nav aria-label="Version history pages" className="mt-3 flex flex-wrap gap-4 text-sm">
          {cursor && (
            <Link className={linkClass} href={artifactHref(artifactId, selection)}>
              Newest versions
            </Link>
          )}
          {nextCursor && (
            <Link className={linkClass} href={artifactHref(artifactId, { ...selection, history: nextCursor })}>
              Older versions
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
