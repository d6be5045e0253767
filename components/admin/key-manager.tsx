"use client";

import { DataTable, srOnly } from "@/components/browse/data-table";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { apiFetch } from "@/components/api";
import { EmptyState } from "@/components/ui/empty-state";
import { formatInstant } from "@/components/ui/format";
import { Dialog } from "@/components/ui/dialog";
import { buttonDanger, buttonPrimary, buttonSecondary, cardClass, inputClass } from "@/components/ui/styles";
import { fieldError, FormError, TextField } from "./form-fields";
import type { TKeyRow } from "./types";

type TCreatedKey = { id: string; key: string; prefix: string; label: string; identity: string };

/**
 * One identity's API keys: create (the key is shown once, in a dialog), list by prefix, revoke.
 * Used by admins for anyone and by every user for their own keys.
 */
export function KeyManager({ identity, keys, isSelf }: { identity: string; keys: TKeyRow[]; isSelf: boolean }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [created, setCreated] = useState<TCreatedKey>();
  const [revoking, setRevoking] = useState<TKeyRow>();
  const [notice, setNotice] = useState<string>();

  const create = useMutation({
    mutationFn: (label: string) =>
      apiFetch<{ key: TCreatedKey }>(`/api/v1/identities/${encodeURIComponent(identity)}/keys`, { method: "POST", json: { label } }),
    onSuccess: ({ key }) => {
      formRef.current?.reset();
      setNotice(undefined);
      setCreated(key);
      router.refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (key: TKeyRow) => apiFetch<void>(`/api/v1/keys/${encodeURIComponent(key.id)}`, { method: "DELETE" }),
    onSuccess: (_, key) => {
      setRevoking(undefined);
      setNotice(`Revoked the key ${key.prefix}…${key.label ? ` (${key.label})` : ""}.`);
      router.refresh();
    },
  });

  const whose = isSelf ? "your" : `${identity}’s`;
  return (
    <div className="space-y-6">
      <section aria-labelledby="new-key-heading" className={`${cardClass} p-4`}>
        <h2 id="new-key-heading" className="font-medium text-slate-900">
          Create a key
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Agents and scripts send it as <code className="rounded bg-slate-100 px-1">Authorization: Bearer &lt;key&gt;</code> and act as{" "}
          {isSelf ? "you" : identity}.
        </p>
        <form
          ref={formRef}
          className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end"
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate(String(new FormData(event.currentTarget).get("label") ?? "").trim());
          }}
        >
          <TextField
            className="sm:w-80"
            label="Label"
            name="label"
            maxLength={100}
            placeholder="e.g. ci-pipeline"
            autoComplete="off"
            error={fieldError(create.error, "label")}
          />
          <button type="submit" className={buttonPrimary} disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create key"}
          </button>
        </form>
        <div className="mt-3">
          <FormError error={create.error} fields={["label"]} title="The key was not created" />
        </div>
      </section>

      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading" className="mb-2 font-medium text-slate-900">
          {isSelf ? "Your keys" : `Keys of ${identity}`}
        </h2>
        <p role="status" className="mb-2 text-sm text-emerald-800">
          {notice}
        </p>
        {keys.length === 0 ? (
          <EmptyState title="No API keys yet">Create one above; it is shown once.</EmptyState>
        ) : (
          <DataTable
            caption={`API keys of ${identity}`}
            head={["Key", "Label", "Created", "Last used", "Status", srOnly("Actions")]}
            minWidth="min-w-[40rem]"
          >
            {keys.map((k) => (
              <tr key={k.id} data-testid={`key-${k.id}`} className={k.revokedAt ? "text-slate-500" : undefined}>
                <th scope="row" className="whitespace-nowrap px-4 py-2 font-mono font-normal">
                  {k.prefix}…
                </th>
                <td className="max-w-[14rem] truncate px-4 py-2" title={k.label}>
                  {k.label || "—"}
                </td>
                <td className="whitespace-nowrap px-4 py-2">{formatInstant(k.createdAt)}</td>
                <td className="whitespace-nowrap px-4 py-2">{k.lastUsedAt ? formatInstant(k.lastUsedAt) : "never"}</td>
                <td className="whitespace-nowrap px-4 py-2">{k.revokedAt ? `revoked ${formatInstant(k.revokedAt)}` : "active"}</td>
                <td className="whitespace-nowrap px-4 py-2 text-right">
                  {!k.revokedAt && (
                    <button
                      type="button"
                      className={`${buttonSecondary} px-2 py-1 text-red-700`}
                      aria-label={`Revoke key ${k.prefix}${k.label ? ` (${k.label})` : ""}`}
                      onClick={() => {
                        revoke.reset();
                        setRevoking(k);
                      }}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <Dialog open={Boolean(created)} onClose={() => setCreated(undefined)} title="Copy the new API key now" testId="new-key-dialog">
        {created && <OnceShownKey created={created} whose={whose} onDone={() => setCreated(undefined)} />}
      </Dialog>

      <Dialog
        open={Boolean(revoking)}
        onClose={() => setRevoking(undefined)}
        title="Revoke this key?"
        description={
          revoking && (
            <>
              The key <span className="font-mono">{revoking.prefix}…</span>
              {revoking.label ? ` (${revoking.label})` : ""} stops working at once: anything using it gets 401 from its next request. This
              cannot be undone.
            </>
          )
        }
      >
        <div className="space-y-4">
          <FormError error={revoke.error} fields={[]} title="The key was not revoked" />
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className={buttonSecondary} onClick={() => setRevoking(undefined)} autoFocus>
              Cancel
            </button>
            <button type="button" className={buttonDanger} disabled={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking)}>
              {revoke.isPending ? "Revoking…" : "Revoke key"}
            </button>
          </div>
        </div>
      </Dialog>
    </div>
  );
}

/** The full key, once: copy it, or lose it (only its hash is stored). */
function OnceShownKey({ created, whose, onDone }: { created: TCreatedKey; whose: string; onDone: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed">();
  async function copy() {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied("yes");
    } catch {
      // No clipboard permission (or not a secure context): select it for a manual copy.
      input.current?.select();
      setCopied("failed");
    }
  }
  return (
    <div className="space-y-4">
      <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        This is {whose} new key{created.label ? ` “${created.label}”` : ""}. <strong>You won’t see it again</strong>: Stowage keeps only a
        hash of it. Store it somewhere safe now.
      </p>
      <div>
        <label htmlFor="new-api-key" className="block text-sm font-medium text-slate-700">
          API key
        </label>
        <div className="mt-1 flex gap-2">
          <input
            ref={input}
            id="new-api-key"
            readOnly
            value={created.key}
            data-testid="new-api-key"
            onFocus={(e) => e.currentTarget.select()}
            className={`${inputClass} min-w-0 font-mono`}
          />
          <button type="button" className={buttonSecondary} onClick={copy}>
            Copy
          </button>
        </div>
        <p role="status" className="mt-1 text-sm text-slate-600">
          {copied === "yes"
            ? "Copied to the clipboard."
            : copied === "failed"
              ? "Could not copy automatically; the key is selected: press Ctrl+C (⌘C)."
              : ""}
        </p>
      </div>
      <div className="flex justify-end">
        <button type="button" className={buttonPrimary} onClick={onDone}>
          I have stored it
        </button>
      </div>
    </div>
  );
}
