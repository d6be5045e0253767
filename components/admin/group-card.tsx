"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/components/api";
import { buttonSecondary, cardClass } from "@/components/ui/styles";
import { fieldError, FormError, SelectField } from "./form-fields";
import type { TGroupRow } from "./types";

/** One group: its members (remove) and a picker to add another identity. */
export function GroupCard({ group, identities }: { group: TGroupRow; identities: string[] }) {
  const router = useRouter();
  const [notice, setNotice] = useState<string>();
  const base = `/api/v1/groups/${encodeURIComponent(group.name)}/members`;
  const add = useMutation({
    mutationFn: (identity: string) => apiFetch<void>(base, { method: "POST", json: { identity } }),
    onSuccess: (_, identity) => {
      setNotice(`Added ${identity} to ${group.name}.`);
      router.refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (identity: string) => apiFetch<void>(`${base}/${encodeURIComponent(identity)}`, { method: "DELETE" }),
    onSuccess: (_, identity) => {
      setNotice(`Removed ${identity} from ${group.name}.`);
      router.refresh();
    },
  });
  const candidates = identities.filter((name) => !group.members.includes(name));
  const headingId = `group-${group.id}`;

  return (
    <section aria-labelledby={headingId} data-testid={`group-${group.name}`} className={`${cardClass} p-4`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="break-all font-medium text-slate-900">
          {group.name}
        </h2>
        <span className="break-all font-mono text-xs text-slate-500">{group.namespace}</span>
      </div>
      <h3 className="mt-3 text-xs font-medium uppercase tracking-wide text-slate-500">Members ({group.members.length})</h3>
      {group.members.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">No members yet.</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-100">
          {group.members.map((m) => (
            <li key={m} className="flex items-center justify-between gap-2 py-1.5 text-sm">
              <span className="min-w-0 break-all">{m}</span>
              <button
                type="button"
                className={`${buttonSecondary} px-2 py-1`}
                aria-label={`Remove ${m} from ${group.name}`}
                disabled={remove.isPending && remove.variables === m}
                onClick={() => remove.mutate(m)}
              >
                {remove.isPending && remove.variables === m ? "Removing…" : "Remove"}
              </button>
            </li>
          ))}
        </ul>
      )}
      {candidates.length > 0 && (
        <form
          className="mt-3 flex items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            setNotice(undefined);
            add.mutate(String(new FormData(event.currentTarget).get("identity")));
          }}
        >
          <SelectField className="min-w-0 flex-1" label={`Add to ${group.name}`} name="identity" error={fieldError(add.error, "identity")}>
            {candidates.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </SelectField>
          <button type="submit" className={buttonSecondary} disabled={add.isPending}>
            {add.isPending ? "Adding…" : "Add"}
          </button>
        </form>
      )}
      <div className="mt-2 space-y-2">
        <FormError error={add.error ?? remove.error} fields={["identity"]} />
        <p role="status" className="text-sm text-emerald-800">
          {notice}
        </p>
      </div>
    </section>
  );
}
