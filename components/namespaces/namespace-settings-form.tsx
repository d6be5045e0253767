"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { ApiError, apiFetch } from "@/components/api";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatBytes } from "@/components/ui/format";
import { buttonPrimary, inputClass, labelClass } from "@/components/ui/styles";

const MIB = 1024 * 1024;

type TProps = {
  namespace: string;
  /** The namespace's overrides; null: the server's default applies. */
  quotaBytes: number | null;
  retentionDays: number | null;
  /** Versions kept per artifact; null: all. */
  keepVersions: number | null;
  defaults: { quotaBytes: number; retentionDays: number | null };
};

type TFieldErrors = { quotaBytes?: string; retentionDays?: string; keepVersions?: string };
type TBody = { quotaBytes: number | null; retentionDays: number | null; keepVersions: number | null };

const isDefault = (v: string) => v.trim() === "" || v.trim().toLowerCase() === "default";
const isAll = (v: string) => v.trim() === "" || v.trim().toLowerCase() === "all";

/** What the form says, as the PATCH body; or what is wrong with it. */
function parse(quota: string, retention: string, keep: string): { body: TBody } | { errors: TFieldErrors } {
  const errors: TFieldErrors = {};
  let quotaBytes: number | null = null;
  if (!isDefault(quota)) {
    const mb = Number(quota.trim());
    if (!/^\d+(\.\d+)?$/.test(quota.trim()) || !Number.isFinite(mb)) errors.quotaBytes = 'Enter a number of MB (0 or more), or "default".';
    else quotaBytes = Math.round(mb * MIB);
  }
  let retentionDays: number | null = null;
  if (!isDefault(retention)) {
    // Range checks are the server's: its message says what it accepts.
    if (!/^\d+$/.test(retention.trim())) errors.retentionDays = 'Enter a whole number of days, or "default".';
    else retentionDays = Number(retention.trim());
  }
  let keepVersions: number | null = null;
  if (!isAll(keep)) {
    if (!/^\d+$/.test(keep.trim())) errors.keepVersions = 'Enter a whole number of versions, or "all".';
    else keepVersions = Number(keep.trim());
  }
  return errors.quotaBytes || errors.retentionDays || errors.keepVersions
    ? { errors }
    : { body: { quotaBytes, retentionDays, keepVersions } };
}

function Field({
  label,
  hint,
  error,
  value,
  onChange,
  name,
}: {
  label: string;
  hint: string;
  error?: string;
  value: string;
  onChange: (v: string) => void;
  name: string;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        inputMode="decimal"
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        className={`${inputClass} mt-1`}
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
        {hint}
      </p>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** An admin's quota and retention overrides for one namespace ("default" clears an override, "all" the versions limit). */
export function NamespaceSettingsForm({ namespace, quotaBytes, retentionDays, keepVersions, defaults }: TProps) {
  const router = useRouter();
  const [quota, setQuota] = useState(quotaBytes === null ? "default" : String(Math.round((quotaBytes / MIB) * 1000) / 1000));
  const [retention, setRetention] = useState(retentionDays === null ? "default" : String(retentionDays));
  const [keep, setKeep] = useState(keepVersions === null ? "all" : String(keepVersions));
  const [localErrors, setLocalErrors] = useState<TFieldErrors>({});
  const save = useMutation({
    mutationFn: (body: TBody) => apiFetch(`/api/v1/namespaces/${encodeURIComponent(namespace)}`, { method: "PATCH", json: body }),
    onSuccess: () => router.refresh(),
  });
  const serverField = save.error instanceof ApiError ? String(save.error.details.field ?? "") : "";
  const errors: TFieldErrors = {
    quotaBytes: localErrors.quotaBytes ?? (serverField === "quotaBytes" ? save.error!.message : undefined),
    retentionDays: localErrors.retentionDays ?? (serverField === "retentionDays" ? save.error!.message : undefined),
    keepVersions: localErrors.keepVersions ?? (serverField === "keepVersions" ? save.error!.message : undefined),
  };
  const otherError = save.error && !["quotaBytes", "retentionDays", "keepVersions"].includes(serverField) ? save.error : null;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    save.reset();
    const parsed = parse(quota, retention, keep);
    if ("errors" in parsed) {
      setLocalErrors(parsed.errors);
      return;
    }
    setLocalErrors({});
    save.mutate(parsed.body);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={`Quota and retention of ${namespace}`}>
      {otherError && <ErrorNotice title="Not saved" message={otherError.message} />}
      <Field
        name="quota"
        label="Quota (MB)"
        hint={`A number of MB, or "default" (${formatBytes(defaults.quotaBytes)}). A lower quota deletes nothing: uploads stop until usage is under it.`}
        value={quota}
        onChange={setQuota}
        error={errors.quotaBytes}
      />
      <Field
        name="retention"
        label="Retention (days)"
        hint={`Days after an artifact's last update that it expires, or "default" (${defaults.retentionDays === null ? "kept until deleted" : `${defaults.retentionDays} days`}).`}
        value={retention}
        onChange={setRetention}
        error={errors.retentionDays}
      />
      <Field
        name="keepVersions"
        label="Versions kept per artifact"
        hint='The newest N versions of each artifact stay (1 to 10000), or "all". The latest and protected-alias versions always stay; older ones go at the next sweep (preview below).'
        value={keep}
        onChange={setKeep}
        error={errors.keepVersions}
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonPrimary} disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save"}
        </button>
        <p role="status" className="text-sm text-emerald-700">
          {save.isSuccess ? "Saved." : ""}
        </p>
      </div>
    </form>
  );
}
