"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { apiFetch } from "@/components/api";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatBytes } from "@/components/ui/format";
import { buttonSecondary, linkClass } from "@/components/ui/styles";

type TPreview = {
  namespace: string;
  rules: { retentionDays: number | null; keepVersions: number | null };
  versions: { artifactId: string; name: string; version: number; sizeBytes: number; reason: "keepVersions" }[];
  artifacts: { artifactId: string; name: string; versions: number; sizeBytes: number; reason: "expiresAt" | "retentionDays" }[];
  totalBytes: number;
  truncated: boolean;
};

/** Query keys of this component, never inlined. */
export const retentionPreviewKeys = { of: (namespace: string) => ["retention-preview", namespace] as const };

const REASONS = { expiresAt: "its expiry passed", retentionDays: "older than the retention" } as const;

/**
 * "Preview retention": a dry run of the rules (GET …/retention/preview) listing what the next
 * sweep would delete and the space it frees. Fetched on the click, never on page load: it scans
 * the namespace's versions.
 */
export function RetentionPreview({ namespace }: { namespace: string }) {
  const [asked, setAsked] = useState(false);
  const preview = useQuery({
    queryKey: retentionPreviewKeys.of(namespace),
    queryFn: () => apiFetch<TPreview>(`/api/v1/namespaces/${encodeURIComponent(namespace)}/retention/preview`),
    enabled: asked,
    staleTime: 0,
  });
  const data = preview.data;
  const nothing = data && data.versions.length === 0 && data.artifacts.length === 0;

  return (
    <div className="space-y-3" data-testid="retention-preview">
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className={buttonSecondary}
          disabled={preview.isFetching}
          onClick={() => (asked ? void preview.refetch() : setAsked(true))}
        >
          {preview.isFetching ? "Checking…" : "Preview retention"}
        </button>
        <p role="status" aria-live="polite" className="text-sm text-slate-700">
          {data && !preview.isFetching
            ? nothing
              ? "Nothing to delete: the rules keep everything stored now."
              : `The next sweep would free ${formatBytes(data.totalBytes)}.`
            : ""}
        </p>
      </div>
      {preview.error && <ErrorNotice title="No preview" message={preview.error.message} />}
      {data && !nothing && (
        <div className="space-y-3 text-sm">
          {data.versions.length > 0 && (
            <div>
              <h3 className="font-medium">Versions beyond the newest {data.rules.keepVersions}</h3>
              <ul className="divide-y divide-slate-100" data-testid="preview-versions">
                {data.versions.map((v) => (
                  <li key={`${v.artifactId}/${v.version}`} className="flex flex-wrap justify-between gap-2 py-1">
                    <span className="break-all">
                      <Link className={linkClass} href={`/artifacts/${v.artifactId}`}>
                        {v.name}
                      </Link>{" "}
                      version {v.version}
                    </span>
                    <span className="tabular-nums text-slate-600">{formatBytes(v.sizeBytes)}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {data.artifacts.length > 0 && (
            <div>
              <h3 className="font-medium">Expired artifacts, with all their versions</h3>
              <ul className="divide-y divide-slate-100" data-testid="preview-artifacts">
                {data.artifacts.map((a) => (
                  <li key={a.artifactId} className="flex flex-wrap justify-between gap-2 py-1">
                    <span className="break-all">
                      {a.name} ({a.versions} {a.versions === 1 ? "version" : "versions"}; {REASONS[a.reason]})
                    </span>
                    <span className="tabular-nums text-slate-600">{formatBytes(a.sizeBytes)}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {data.truncated && <p className="text-slate-600">Only the first 500 of each are listed; the total counts them all.</p>}
        </div>
      )}
    </div>
  );
}
