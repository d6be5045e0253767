"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { apiFetch } from "@/components/api";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNotice } from "@/components/ui/error-notice";
import { buttonDanger, buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";

/** Deletes the whole artifact after the user types its name; then goes to `afterHref` (its run, or the runs list). */
export function DeleteArtifactButton({
  artifactId,
  name,
  versionCount,
  afterHref,
}: {
  artifactId: string;
  name: string;
  versionCount: number;
  afterHref: string;
}) {
  const router = useRouter();
  const inputId = useId();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async (event: React.FormEvent) => {
    event.preventDefault();
    if (typed !== name) return;
    setPending(true);
    setError(null);
    try {
      await apiFetch<void>(`/api/v1/artifacts/${encodeURIComponent(artifactId)}`, { method: "DELETE" });
      router.push(afterHref);
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setPending(false);
    }
  };

  return (
    <>
      <button type="button" className={buttonDanger} onClick={() => setOpen(true)}>
        Delete
      </button>
      <Dialog
        open={open}
        onClose={() => {
          if (pending) return;
          setOpen(false);
          setTyped("");
          setError(null);
        }}
        title={
          <>
            Delete <span className="break-all">{name}</span>?
          </>
        }
        testId="delete-artifact-dialog"
      >
        <form onSubmit={remove} className="space-y-4">
          <p className="text-sm text-slate-700">
            This deletes the artifact and {versionCount === 1 ? "its only version" : `all ${versionCount} of its versions`}, and every share
            link to it stops working. It cannot be undone.
          </p>
          <div>
            <label htmlFor={inputId} className={labelClass}>
              Type <span className="break-all font-mono font-semibold">{name}</span> to confirm
            </label>
            <input
              id={inputId}
              className={`${inputClass} mt-1`}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              autoFocus
            />
          </div>
          {error && <ErrorNotice title="It was not deleted" message={error} />}
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className={buttonSecondary} onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </button>
            <button type="submit" className={buttonDanger} disabled={typed !== name || pending}>
              {pending ? "Deleting…" : "Delete artifact"}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

/**
 * Deletes one version after a confirmation. Deleting the only one deletes the artifact (the API
 * does), so that goes to `afterHref`; otherwise the page reloads, on the latest version if the
 * deleted one was on show.
 */
export function DeleteVersionButton({
  artifactId,
  name,
  version,
  isOnlyVersion,
  isSelected,
  afterHref,
  artifactHref,
}: {
  artifactId: string;
  name: string;
  version: number;
  isOnlyVersion: boolean;
  isSelected: boolean;
  afterHref: string;
  artifactHref: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    setPending(true);
    setError(null);
    try {
      await apiFetch<void>(`/api/v1/artifacts/${encodeURIComponent(artifactId)}/versions/${version}`, { method: "DELETE" });
      setOpen(false);
      if (isOnlyVersion) router.push(afterHref);
      else if (isSelected) router.replace(artifactHref);
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="rounded px-1.5 py-0.5 text-sm text-red-700 hover:bg-red-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
        onClick={() => setOpen(true)}
        aria-label={`Delete version ${version}`}
      >
        Delete
      </button>
      <Dialog open={open} onClose={() => !pending && setOpen(false)} title={`Delete version ${version}?`}>
        <div className="space-y-4">
          <p className="text-sm text-slate-700">
            Version {version} of <span className="break-all font-semibold">{name}</span> will be deleted for good; its number is not reused.
            {isOnlyVersion && " It is the only version, so the artifact is deleted too."}
          </p>
          {error && <ErrorNotice title="It was not deleted" message={error} />}
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className={buttonSecondary} onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </button>
            <button type="button" className={buttonDanger} onClick={remove} disabled={pending}>
              {pending ? "Deleting…" : `Delete version ${version}`}
            </button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
