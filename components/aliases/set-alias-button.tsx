"use client";

import { useId, useState } from "react";
import type { TAliasDto } from "@/lib/aliases/alias-dto";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNotice } from "@/components/ui/error-notice";
import { buttonPrimary, buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";
import { putAlias, useAliasChange } from "./alias-requests";

/**
 * Points an alias at one version: a new name creates it, an existing one moves here. The name is
 * checked by the API (its message is shown as it is), so the rule lives in one place.
 */
export function SetAliasButton({
  artifactId,
  version,
  aliases,
  label,
  ariaLabel,
  className,
}: {
  artifactId: string;
  version: number;
  /** All of the artifact's aliases: offered as names, and an existing one keeps its protection unless changed. */
  aliases: TAliasDto[];
  label: string;
  ariaLabel?: string;
  className: string;
}) {
  const nameId = useId();
  const hintId = useId();
  const listId = useId();
  const protectId = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  // null until the box is touched: then an existing alias keeps what it had.
  const [protectChoice, setProtectChoice] = useState<boolean | null>(null);
  const existing = aliases.find((a) => a.name === name.trim());
  const isProtected = protectChoice ?? existing?.protected ?? false;

  const set = useAliasChange(
    (input: { name: string; protected: boolean }) => putAlias(artifactId, input.name, { version, protected: input.protected }),
    () => {
      setOpen(false);
      setName("");
      setProtectChoice(null);
    },
  );
  const reset = () => {
    setName("");
    setProtectChoice(null);
    set.reset();
  };

  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)} aria-label={ariaLabel}>
        {label}
      </button>
      <Dialog
        open={open}
        onClose={() => {
          if (set.isPending) return;
          setOpen(false);
          reset();
        }}
        title={`Set an alias on version ${version}`}
        testId="set-alias-dialog"
      >
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            set.mutate({ name: name.trim(), protected: isProtected });
          }}
        >
          <div>
            <label htmlFor={nameId} className={labelClass}>
              Alias name
            </label>
            <input
              id={nameId}
              className={`${inputClass} mt-1 font-mono`}
              value={name}
              onChange={(e) => setName(e.target.value)}
              list={listId}
              aria-describedby={hintId}
              autoComplete="off"
              spellCheck={false}
              required
              autoFocus
            />
            <datalist id={listId}>
              {aliases.map((a) => (
                <option key={a.name} value={a.name} />
              ))}
            </datalist>
            <p id={hintId} className="mt-1 text-xs text-slate-500">
              {existing
                ? existing.version === version
                  ? `${existing.name} already points at version ${version}.`
                  : `${existing.name} moves here from version ${existing.version}.`
                : "Lowercase letters, digits and . _ -, such as production or best. An existing alias moves here."}
            </p>
          </div>
          <div className="flex items-start gap-2">
            <input
              id={protectId}
              type="checkbox"
              checked={isProtected}
              onChange={(e) => setProtectChoice(e.target.checked)}
              className="mt-0.5 h-4 w-4 rounded border-slate-300 text-sky-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
            />
            <label htmlFor={protectId} className="text-sm text-slate-700">
              <span className="font-medium">Protected</span>: version {version} cannot be deleted, nor the artifact expire, while this alias
              points at it
            </label>
          </div>
          {set.error && <ErrorNotice title="The alias was not set" message={set.error.message} />}
          <div className="flex flex-wrap justify-end gap-2">
            <button
              type="button"
              className={buttonSecondary}
              onClick={() => {
                setOpen(false);
                reset();
              }}
              disabled={set.isPending}
            >
              Cancel
            </button>
            <button type="submit" className={buttonPrimary} disabled={set.isPending || name.trim() === ""}>
              {set.isPending ? "Setting…" : "Set alias"}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
