"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/components/api";
import { Dialog } from "@/components/ui/dialog";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import { CheckboxField, fieldError, FormError, TextField } from "./form-fields";
import type { TIdentityRow } from "./types";

type TCreate = { name: string; kind: "human" | "agent"; isAdmin: boolean; email?: string; password?: string };

/** "New identity": a person (with dashboard sign-in) or an agent (API keys only). */
export function CreateIdentityButton() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<"human" | "agent">("human");
  const [created, setCreated] = useState<string>();
  const create = useMutation({
    mutationFn: (body: TCreate) => apiFetch<{ identity: TIdentityRow }>("/api/v1/identities", { method: "POST", json: body }),
    onSuccess: ({ identity }) => {
      setCreated(identity.name);
      setOpen(false);
      router.refresh();
    },
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    create.mutate({
      name: String(form.get("name")).trim(),
      kind,
      isAdmin: form.get("isAdmin") === "on",
      ...(kind === "human" && email ? { email } : {}),
      ...(kind === "human" && password ? { password } : {}),
    });
  }

  const close = () => {
    setOpen(false);
    create.reset();
  };

  return (
    <>
      <p role="status" className="sr-only">
        {created ? `Created identity ${created}.` : ""}
      </p>
      <button
        type="button"
        className={buttonPrimary}
        onClick={() => {
          create.reset();
          setCreated(undefined);
          setOpen(true);
        }}
      >
        New identity
      </button>
      <Dialog open={open} onClose={close} title="New identity" description="Its personal namespace agent:<name> is created with it.">
        <form onSubmit={onSubmit} className="space-y-4">
          <FormError error={create.error} fields={["name", "email", "password", "isAdmin", "kind"]} title="The identity was not created" />
          <TextField
            label="Name"
            name="name"
            required
            maxLength={63}
            autoComplete="off"
            hint="Lowercase letters, digits, “.”, “_” and “-”."
            error={fieldError(create.error, "name")}
          />
          <fieldset>
            <legend className="text-sm font-medium text-slate-700">Kind</legend>
            <div className="mt-1 flex gap-4 text-sm">
              {(["human", "agent"] as const).map((k) => (
                <label key={k} className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="kind"
                    value={k}
                    checked={kind === k}
                    onChange={() => setKind(k)}
                    className="h-4 w-4 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
                  />
                  {k === "human" ? "Human (signs in to the dashboard)" : "Agent (API keys only)"}
                </label>
              ))}
            </div>
          </fieldset>
          {kind === "human" && (
            <>
              <TextField label="Email" name="email" type="email" autoComplete="off" error={fieldError(create.error, "email")} />
              <TextField
                label="Password"
                name="password"
                type="password"
                autoComplete="new-password"
                minLength={10}
                hint="10 characters or more. Leave empty for no dashboard sign-in yet."
                error={fieldError(create.error, "password")}
              />
            </>
          )}
          <CheckboxField
            label="Admin"
            name="isAdmin"
            hint="Admins manage identities, groups, keys and grants, and can read every namespace."
            error={fieldError(create.error, "isAdmin")}
          />
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className={buttonSecondary} onClick={close}>
              Cancel
            </button>
            <button type="submit" className={buttonPrimary} disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create identity"}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
