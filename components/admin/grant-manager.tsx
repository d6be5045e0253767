"use client";

import { DataTable, srOnly } from "@/components/browse/data-table";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/components/api";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonPrimary, buttonSecondary, cardClass } from "@/components/ui/styles";
import { fieldError, FormError, SelectField } from "./form-fields";
import type { TGrantRow } from "./types";

type TGrantInput = { identity?: string; group?: string; permission: "read" | "write" };

/** A namespace's grants: add (or change) one for an identity or a group, remove one. */
export function GrantManager({
  namespace,
  grants,
  identities,
  groups,
}: {
  namespace: string;
  grants: TGrantRow[];
  identities: string[];
  groups: string[];
}) {
  const router = useRouter();
  const [notice, setNotice] = useState<string>();
  const base = `/api/v1/namespaces/${encodeURIComponent(namespace)}/grants`;
  const grant = useMutation({
    mutationFn: (input: TGrantInput) => apiFetch<{ grant: TGrantRow }>(base, { method: "POST", json: input }),
    onSuccess: ({ grant: g }) => {
      setNotice(`${g.identity ?? `group ${g.group}`} can now ${g.permission === "write" ? "read and write" : "read"} ${namespace}.`);
      router.refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (g: TGrantRow) => apiFetch<void>(`${base}/${encodeURIComponent(g.id)}`, { method: "DELETE" }),
    onSuccess: (_, g) => {
      setNotice(`Removed the grant for ${g.identity ?? `group ${g.group}`}.`);
      router.refresh();
    },
  });

  return (
    <div className="space-y-6">
      <section aria-labelledby="add-grant-heading" className={`${cardClass} p-4`}>
        <h2 id="add-grant-heading" className="font-medium text-slate-900">
          Grant access to <span className="break-all font-mono">{namespace}</span>
        </h2>
        <p className="mt-1 text-sm text-slate-600">Granting again to the same identity or group changes its permission.</p>
        <form
          className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end"
          onSubmit={(event) => {
            event.preventDefault();
            setNotice(undefined);
            const form = new FormData(event.currentTarget);
            const [kind, ...rest] = String(form.get("who")).split(":");
            const name = rest.join(":");
            const permission = form.get("permission") === "write" ? "write" : "read";
            grant.mutate(kind === "group" ? { group: name, permission } : { identity: name, permission });
          }}
        >
          <SelectField
            className="sm:w-72"
            label="Who"
            name="who"
            required
            error={fieldError(grant.error, "identity") ?? fieldError(grant.error, "group")}
          >
            <optgroup label="Identities">
              {identities.map((name) => (
                <option key={`i-${name}`} value={`identity:${name}`}>
                  {name}
                </option>
              ))}
            </optgroup>
            {groups.length > 0 && (
              <optgroup label="Groups">
                {groups.map((name) => (
                  <option key={`g-${name}`} value={`group:${name}`}>
                    group {name}
                  </option>
                ))}
              </optgroup>
            )}
          </SelectField>
          <SelectField
            className="sm:w-40"
            label="Permission"
            name="permission"
            defaultValue="read"
            error={fieldError(grant.error, "permission")}
          >
            <option value="read">read</option>
            <option value="write">read and write</option>
          </SelectField>
          <button type="submit" className={buttonPrimary} disabled={grant.isPending}>
            {grant.isPending ? "Granting…" : "Grant"}
          </button>
        </form>
        <div className="mt-2">
          <FormError error={grant.error} fields={["identity", "group", "permission"]} title="Nothing was granted" />
        </div>
      </section>

      <section aria-labelledby="grants-heading">
        <h2 id="grants-heading" className="mb-2 font-medium text-slate-900">
          Grants
        </h2>
        <p role="status" className="mb-2 text-sm text-emerald-800">
          {notice}
        </p>
        <div className="mb-2">
          <FormError error={revoke.error} fields={[]} title="The grant was not removed" />
        </div>
        {grants.length === 0 ? (
          <EmptyState title="No grants on this namespace">Only its owner (or ring members) and admins can use it.</EmptyState>
        ) : (
          <DataTable caption={`Grants on ${namespace}`} head={["Granted to", "Permission", srOnly("Actions")]} minWidth="min-w-[28rem]">
            {grants.map((g) => {
              const who = g.identity ?? g.group ?? "";
              return (
                <tr key={g.id} data-testid={`grant-${who}`}>
                  <th scope="row" className="px-4 py-2 font-normal">
                    <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
                      {g.identity ? "identity" : "group"}
                    </span>
                    <span className="break-all">{who}</span>
                  </th>
                  <td className="px-4 py-2">{g.permission === "write" ? "read and write" : "read"}</td>
                  <td className="px-4 py-2 text-right">
                    <button
                      type="button"
                      className={`${buttonSecondary} px-2 py-1`}
                      aria-label={`Remove the grant for ${g.identity ? "" : "group "}${who}`}
                      disabled={revoke.isPending && revoke.variables?.id === g.id}
                      onClick={() => revoke.mutate(g)}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </section>
    </div>
  );
}
