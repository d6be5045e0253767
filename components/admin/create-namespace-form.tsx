"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { apiFetch } from "@/components/api";
import { buttonSecondary } from "@/components/ui/styles";
import { fieldError, FormError, TextField } from "./form-fields";

/** Custom namespaces (`team:ml`, `app:reports`); after creating one, the page shows its grants. */
export function CreateNamespaceForm() {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const create = useMutation({
    mutationFn: (name: string) => apiFetch<{ namespace: { name: string } }>("/api/v1/namespaces", { method: "POST", json: { name } }),
    onSuccess: ({ namespace }) => {
      formRef.current?.reset();
      // A dynamic page: the navigation renders it afresh, with the new namespace in the picker.
      router.push(`/admin/grants?namespace=${encodeURIComponent(namespace.name)}`);
    },
  });
  // The API names the field "name" (zod) or "namespace" (name rules).
  const error = fieldError(create.error, "name") ?? fieldError(create.error, "namespace");
  return (
    <form
      ref={formRef}
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(String(new FormData(event.currentTarget).get("name") ?? "").trim());
      }}
    >
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <TextField
          className="sm:w-80"
          label="New custom namespace"
          name="name"
          required
          maxLength={100}
          placeholder="team:ml"
          autoComplete="off"
          hint="<prefix>:<name>, e.g. team:ml or app:reports."
          error={error}
        />
        <button type="submit" className={`${buttonSecondary} sm:mt-6`} disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create namespace"}
        </button>
      </div>
      <FormError error={create.error} fields={["name", "namespace"]} title="The namespace was not created" />
    </form>
  );
}
