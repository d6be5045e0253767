"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { apiFetch } from "@/components/api";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatInstant } from "@/components/ui/format";
import { buttonPrimary, buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";

type TShareLink = {
  id: string;
  version: number;
  status: "active" | "expired" | "revoked";
  expiresAt: string;
  createdBy: string | null;
  createdAt: string;
  revokedAt: string | null;
};

type TCreated = { id: string; url: string; expiresAt: string; version: number };

const LIFETIMES: [string, number][] = [
  ["15 minutes", 900],
  ["1 hour", 3600],
  ["1 day", 86_400],
  ["7 days", 604_800],
  ["30 days", 2_592_000],
];

function describeSeconds(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} day${seconds === 86_400 ? "" : "s"}`;
  if (seconds % 3600 === 0) return `${seconds / 3600} hour${seconds === 3600 ? "" : "s"}`;
  if (seconds % 60 === 0) return `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}

/** The lifetimes on offer: the usual ones up to the server's maximum, and the maximum itself. */
export function lifetimeOptions(maxSeconds: number): [string, number][] {
  const options = LIFETIMES.filter(([, s]) => s <= maxSeconds);
  if (!options.some(([, s]) => s === maxSeconds)) options.push([`${describeSeconds(maxSeconds)} (longest allowed)`, maxSeconds]);
  return options;
}

const STATUS_CLASS: Record<TShareLink["status"], string> = {
  active: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  expired: "bg-slate-100 text-slate-700 ring-slate-200",
  revoked: "bg-red-50 text-red-800 ring-red-200",
};

/**
 * Share: makes a time-limited link to one version that works without signing in, shows it once
 * to copy (the server keeps only its id), and lists the artifact's links with a revoke button.
 */
export function ShareDialog({
  artifactId,
  version,
  maxSeconds,
  canManageLinks,
}: {
  artifactId: string;
  version: number;
  maxSeconds: number;
  canManageLinks: boolean;
}) {
  const [open, setOpen] = useState(false);
  const options = lifetimeOptions(maxSeconds);
  const [expiresIn, setExpiresIn] = useState(options.some(([, s]) => s === 3600) ? 3600 : options[0]![1]);
  const [created, setCreated] = useState<TCreated | null>(null);
  const selectId = useId();
  const urlId = useId();
  const queryClient = useQueryClient();
  const linksKey = ["share-links", artifactId];

  const links = useQuery({
    queryKey: linksKey,
    queryFn: () =>
      apiFetch<{ links: TShareLink[]; nextCursor: string | null }>(
        `/api/v1/artifacts/${encodeURIComponent(artifactId)}/share-links?limit=50`,
      ),
    enabled: open,
  });
  const create = useMutation({
    mutationFn: () =>
      apiFetch<TCreated>(`/api/v1/artifacts/${encodeURIComponent(artifactId)}/share`, { method: "POST", json: { expiresIn, version } }),
    onSuccess: (link) => {
      setCreated(link);
      void queryClient.invalidateQueries({ queryKey: linksKey });
    },
  });
  const revoke = useMutation({
    mutationFn: (linkId: string) => apiFetch<void>(`/api/v1/share-links/${encodeURIComponent(linkId)}`, { method: "DELETE" }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: linksKey }),
  });

  const close = () => {
    setOpen(false);
    setCreated(null);
    create.reset();
    revoke.reset();
  };

  return (
    <>
      <button type="button" className={buttonSecondary} onClick={() => setOpen(true)}>
        Share
      </button>
      <Dialog open={open} onClose={close} title={`Share version ${version}`} testId="share-dialog">
        <div className="space-y-5">
          <form
            className="space-y-3"
            onSubmit={(event) => {
              event.preventDefault();
              create.mutate();
            }}
          >
            <p className="text-sm text-slate-600">
              Anyone with the link can download this version, without signing in, until the link expires or is revoked.
            </p>
            <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
              <div className="flex-1">
                <label htmlFor={selectId} className={labelClass}>
                  Link expires after
                </label>
                <select
                  id={selectId}
                  className={`${inputClass} mt-1`}
                  value={expiresIn}
                  onChange={(e) => setExpiresIn(Number(e.target.value))}
                >
                  {options.map(([label, seconds]) => (
                    <option key={seconds} value={seconds}>
                      {label}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className={buttonPrimary} disabled={create.isPending}>
                {create.isPending ? "Creating…" : "Create link"}
              </button>
            </div>
            {create.error && <ErrorNotice title="No link was created" message={create.error.message} />}
          </form>

          {created && (
            <div className="space-y-2 rounded-md border border-emerald-200 bg-emerald-50 p-3">
              <label htmlFor={urlId} className={labelClass}>
                Share link (shown once; expires {formatInstant(created.expiresAt)})
              </label>
              <input
                id={urlId}
                readOnly
                value={created.url}
                className={`${inputClass} font-mono text-xs`}
                onFocus={(e) => e.currentTarget.select()}
                data-testid="share-url"
              />
              <div className="flex flex-wrap items-center gap-2">
                <CopyButton text={created.url} label="Copy link" fallbackInputId={urlId} />
              </div>
            </div>
          )}

          <section aria-labelledby={`${urlId}-links`}>
            <h3 id={`${urlId}-links`} className="mb-2 font-medium text-slate-900">
              {canManageLinks ? "Links to this artifact" : "Your links to this artifact"}
            </h3>
            {links.isPending && (
              <p role="status" className="text-sm text-slate-600">
                Loading links…
              </p>
            )}
            {links.error && <ErrorNotice title="The links could not be loaded" message={links.error.message} />}
            {revoke.error && <ErrorNotice title="The link was not revoked" message={revoke.error.message} />}
            {links.data && links.data.links.length === 0 && <p className="text-sm text-slate-600">No links yet.</p>}
            {links.data && links.data.links.length > 0 && (
              <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" data-testid="share-links">
                {links.data.links.map((link) => (
                  <li key={link.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                    <div className="min-w-0">
                      <span className={`mr-2 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_CLASS[link.status]}`}>
                        {link.status}
                      </span>
                      <span className="text-slate-800">Version {link.version}</span>
                      <span className="block text-xs text-slate-500">
                        {link.status === "revoked"
                          ? `revoked ${formatInstant(link.revokedAt)}`
                          : `${link.status === "active" ? "expires" : "expired"} ${formatInstant(link.expiresAt)}`}
                        {link.createdBy ? ` · by ${link.createdBy}` : ""}
                      </span>
                    </div>
                    {link.status === "active" && (
                      <button
                        type="button"
                        className={buttonSecondary}
                        disabled={revoke.isPending && revoke.variables === link.id}
                        onClick={() => revoke.mutate(link.id)}
                        aria-label={`Revoke the link to version ${link.version} that expires ${formatInstant(link.expiresAt)}`}
                      >
                        Revoke
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </Dialog>
    </>
  );
}
