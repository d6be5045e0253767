"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/components/api";
import { Dialog } from "@/components/ui/dialog";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import { CheckboxField, fieldError, FormError, TextField } from "./form-fields";
import type { TIdentityRow } from "./types";

type TChanges = { email?: string; password?: string; isAdmin?: boolean; disabled?: boolean };

/** Edits one identity: sign-in email and password, admin, disabled. Sends only what changed. */
export function EditIdentityButton({ identity, isSelf }: { identity: TIdentityRow; isSelf: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const save = useMutation({
    mutationFn: (changes: TChanges) =>
      apiFetch<{ identity: TIdentityRow }>(`/api/v1/identities/${encodeURIComponent(identity.name)}`, { method: "PATCH", json: changes }),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const isAdmin = form.get("isAdmin") === "on";
    const disabled = form.get("disabled") === "on";
    const changes: TChanges = {
      ...(email && email !== identity.email ? { email } : {}),
      ...(password ? { password } : {}),
      ...(!isSelf && isAdmin !== identity.isAdmin ? { isAdmin } : {}),
      ...(!isSelf && disabled !== Boolean(identity.disabledAt) ? { disabled } : {}),
    };
    if (Object.keys(changes).length === 0) return setOpen(false);
    save.mutate(changes);
  }

  const close = () => {
    setOpen(false);
    save.reset();
  };

  return (
    <>
      <button
        type="button"
        className={`${buttonSecondary} px-2 py-1`}
        aria-label={`Edit ${identity.name}`}
        onClick={() => {
          save.reset();
          setOpen(true);
        }}
      >
        Edit
      </button>
      <Dialog open={open} onClose={close} title={`Edit ${identity.name}`} description={isSelf ? "This is you." : undefined}>
        <form onSubmit={onSubmit} className="space-y-4">
          <FormError error={save.error} fields={["email", "password", "isAdmin", "disabled"]} title="Nothing was changed" />
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="off"
            defaultValue={identity.email ?? ""}
            hint="What they sign in to the dashboard with."
            error={fieldError(save.error, "email")}
          />
          <TextField
            label={identity.hasPassword ? "New password" : "Password"}
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={10}
            hint={
              identity.hasPassword
                ? "Leave empty to keep the current password."
                : "10 characters or more; lets them sign in to the dashboard."
            }
            error={fieldError(save.error, "password")}
          />
          <CheckboxField
            label="Admin"
            name="isAdmin"
            defaultChecked={identity.isAdmin}
            disabled={isSelf}
            hint={isSelf ? "You cannot remove your own admin rights; another admin can." : undefined}
            error={fieldError(save.error, "isAdmin")}
          />
          <CheckboxField
            label="Disabled"
            name="disabled"
            defaultChecked={Boolean(identity.disabledAt)}
            disabled={isSelf}
            hint={isSelf ? "You cannot disable yourself." : "A disabled identity cannot sign in, and its API keys stop working at once."}
            error={fieldError(save.error, "disabled")}
          />
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className={buttonSecondary} onClick={close}>
              Cancel
            </button>
            <button type="submit" className={buttonPrimary} disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save"}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
