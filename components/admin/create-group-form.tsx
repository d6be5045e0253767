"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { apiFetch } from "@/components/api";
import { buttonPrimary, cardClass } from "@/components/ui/styles";
import { fieldError, FormError, TextField } from "./form-fields";
import type { TGroupRow } from "./types";

export function CreateGroupForm() {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [created, setCreated] = useState<string>();
  const create = useMutation({
    mutationFn: (name: string) => apiFetch<{ group: TGroupRow }>("/api/v1/groups", { method: "POST", json: { name } }),
    onSuccess: ({ group }) => {
      formRef.current?.reset();
      setCreated(`Created group ${group.name} with namespace ${group.namespace}.`);
      router.refresh();
    },
  });
  return (
    <section aria-labelledby="new-group-heading" className={`${cardClass} mb-6 p-4`}>
      <h2 id="new-group-heading" className="font-medium text-slate-900">
        New group
      </h2>
      <form
        ref={formRef}
        className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-start"
        onSubmit={(event) => {
          event.preventDefault();
          setCreated(undefined);
          create.mutate(String(new FormData(event.currentTarget).get("name") ?? "").trim());
        }}
      >
        <TextField
          className="sm:w-80"
          label="Group name"
          name="name"
          required
          maxLength={63}
          autoComplete="off"
          hint="Members share the namespace ring:<name>."
          error={fieldError(create.error, "name")}
        />
        <button type="submit" className={`${buttonPrimary} sm:mt-6`} disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create group"}
        </button>
      </form>
      <div className="mt-2">
        <FormError error={create.error} fields={["name"]} title="The group was not created" />
        <p role="status" className="text-sm text-emerald-800">
          {created}
        </p>
      </div>
    </section>
  );
}
