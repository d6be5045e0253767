"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { TAliasDto } from "@/lib/aliases/alias-dto";
import { artifactHref } from "@/components/artifact/links";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatInstant } from "@/components/ui/format";
import { buttonDanger, buttonPrimary, buttonSecondary, inputClass, labelClass, linkClass } from "@/components/ui/styles";
import { AliasBadge } from "./alias-badges";
import { deleteAlias, putAlias, useAliasChange } from "./alias-requests";
import { SetAliasButton } from "./set-alias-button";

const smallButton =
  "rounded px-1.5 py-0.5 text-sm text-sky-700 hover:bg-sky-50 disabled:opacity-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600";

/** Moves one alias to the version typed in (any version number; the API says when there is none). */
function MoveForm({ artifactId, alias, initial, onDone }: { artifactId: string; alias: TAliasDto; initial: number; onDone: () => void }) {
  const inputId = useId();
  const [value, setValue] = useState(String(initial));
  const move = useAliasChange((version: number) => putAlias(artifactId, alias.name, { version }), onDone);
  return (
    <form
      className="mt-2 space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        move.mutate(Number(value));
      }}
    >
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={inputId} className={labelClass}>
            Move {alias.name} to version
          </label>
          <input
            id={inputId}
            className={`${inputClass} mt-1 w-28`}
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            required
            autoFocus
            disabled={move.isPending}
          />
        </div>
        <button type="submit" className={buttonPrimary} disabled={move.isPending || value === ""}>
          {move.isPending ? "Moving…" : "Move"}
        </button>
        <button type="button" className={buttonSecondary} onClick={onDone} disabled={move.isPending}>
          Cancel
        </button>
      </div>
      {move.error && <ErrorNotice title="The alias was not moved" message={move.error.message} />}
    </form>
  );
}

/** One alias: name → version, and for writers move, protect or unprotect, and remove. */
function AliasItem({
  artifactId,
  alias,
  latest,
  selected,
  isSelection,
  canWrite,
}: {
  artifactId: string;
  alias: TAliasDto;
  latest: number;
  selected: number;
  /** The page was opened by this alias (?alias=): once it is removed, the page shows its version by number. */
  isSelection: boolean;
  canWrite: boolean;
}) {
  const router = useRouter();
  const [moving, setMoving] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const protect = useAliasChange((value: boolean) => putAlias(artifactId, alias.name, { version: alias.version, protected: value }));
  const remove = useAliasChange(
    () => deleteAlias(artifactId, alias.name),
    () => {
      setConfirmRemove(false);
      if (isSelection) router.replace(artifactHref(artifactId, { version: alias.version === latest ? undefined : alias.version }));
    },
  );
  const busy = protect.isPending || remove.isPending;

  return (
    <li className="px-3 py-2" data-testid={`alias-${alias.name}`}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Link
          className={`${linkClass} min-w-0`}
          href={artifactHref(artifactId, { alias: alias.name })}
          title={`Show the version ${alias.name} points at`}
        >
          <AliasBadge alias={alias} />
        </Link>
        <span aria-hidden className="text-slate-500">
          →
        </span>
        <Link
          className={`${linkClass} text-sm`}
          href={artifactHref(artifactId, { version: alias.version === latest ? undefined : alias.version })}
        >
          <span className="sr-only">points at </span>v{alias.version}
        </Link>
        {alias.version === latest && <span className="text-xs text-slate-600">(latest)</span>}
        <span className="text-xs text-slate-500">{alias.protected ? "protected" : "not protected"}</span>
        <span className="text-xs text-slate-500">· set {formatInstant(alias.updatedAt)}</span>
        {canWrite && (
          <span className="ml-auto flex flex-wrap items-center gap-1">
            <button
              type="button"
              className={smallButton}
              onClick={() => setMoving((m) => !m)}
              aria-expanded={moving}
              aria-label={`Move ${alias.name}`}
              disabled={busy}
            >
              Move
            </button>
            <button
              type="button"
              className={smallButton}
              onClick={() => protect.mutate(!alias.protected)}
              aria-label={`${alias.protected ? "Unprotect" : "Protect"} ${alias.name}`}
              disabled={busy}
            >
              {protect.isPending ? "Saving…" : alias.protected ? "Unprotect" : "Protect"}
            </button>
            <button
              type="button"
              className={smallButton.replace("text-sky-700 hover:bg-sky-50", "text-red-700 hover:bg-red-50")}
              onClick={() => setConfirmRemove(true)}
              aria-label={`Remove ${alias.name}`}
              disabled={busy}
            >
              Remove
            </button>
          </span>
        )}
      </div>
      {protect.error && <ErrorNotice title="The protection was not changed" message={protect.error.message} />}
      {moving && (
        <MoveForm
          artifactId={artifactId}
          alias={alias}
          initial={selected !== alias.version ? selected : latest}
          onDone={() => setMoving(false)}
        />
      )}
      {canWrite && (
        <Dialog
          open={confirmRemove}
          onClose={() => {
            if (remove.isPending) return;
            setConfirmRemove(false);
            remove.reset();
          }}
          title={`Remove ${alias.name}?`}
        >
          <div className="space-y-4">
            <p className="text-sm text-slate-700">
              The alias {alias.name} goes; version {alias.version} stays.
              {alias.protected && " It is protected: once removed, the version can be deleted again."}
            </p>
            {remove.error && <ErrorNotice title="The alias was not removed" message={remove.error.message} />}
            <div className="flex flex-wrap justify-end gap-2">
              <button type="button" className={buttonSecondary} onClick={() => setConfirmRemove(false)} disabled={remove.isPending}>
                Cancel
              </button>
              <button type="button" className={buttonDanger} onClick={() => remove.mutate(undefined)} disabled={remove.isPending}>
                {remove.isPending ? "Removing…" : `Remove ${alias.name}`}
              </button>
            </div>
          </div>
        </Dialog>
      )}
    </li>
  );
}

/**
 * The artifact's aliases (named pointers to a version, such as production), by name. Everyone
 * who can read the artifact sees them; those who may write it also get the controls.
 */
export function AliasList({
  artifactId,
  aliases,
  latest,
  selected,
  selectedBy,
  canWrite,
}: {
  artifactId: string;
  aliases: TAliasDto[];
  latest: number;
  selected: number;
  /** The alias in the page's URL, if the version on show was chosen by one. */
  selectedBy: string | undefined;
  canWrite: boolean;
}) {
  return (
    <div className="space-y-3">
      {aliases.length === 0 ? (
        <p className="text-sm text-slate-600">No aliases.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label="Aliases" data-testid="alias-list">
          {aliases.map((a) => (
            <AliasItem
              key={a.name}
              artifactId={artifactId}
              alias={a}
              latest={latest}
              selected={selected}
              isSelection={a.name === selectedBy}
              canWrite={canWrite}
            />
          ))}
        </ul>
      )}
      {canWrite && (
        <SetAliasButton
          artifactId={artifactId}
          version={selected}
          aliases={aliases}
          label={`Set an alias on v${selected}`}
          className={buttonSecondary}
        />
      )}
    </div>
  );
}
