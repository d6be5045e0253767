"use client";

import { useId } from "react";
import { ApiError } from "@/components/api";
import { ErrorNotice } from "@/components/ui/error-notice";
import { inputClass, labelClass } from "@/components/ui/styles";

/** The API's message when it names this field (`details.field`), to show under that field. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError && error.details.field === field ? error.message : undefined;
}

/** An error that belongs to none of the form's fields (or is not from the API at all): shown above the form. */
export function FormError({ error, fields, title = "That did not work" }: { error: unknown; fields: string[]; title?: string }) {
  if (!error) return null;
  if (error instanceof ApiError && fields.includes(String(error.details.field))) return null;
  return <ErrorNotice title={title} message={error instanceof Error ? error.message : String(error)} />;
}

type TInputProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "className">;

/** A labelled input with an optional hint and the API's error for it, wired for screen readers. */
export function TextField({
  label,
  hint,
  error,
  className = "",
  ...input
}: TInputProps & { label: React.ReactNode; hint?: React.ReactNode; error?: string; className?: string }) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={`${inputClass} mt-1`} {...input} />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** A checkbox with its label beside it, a hint and the API's error for it. */
export function CheckboxField({
  label,
  hint,
  error,
  ...input
}: Omit<TInputProps, "type"> & { label: React.ReactNode; hint?: React.ReactNode; error?: string }) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <div className="flex items-start gap-2">
        <input
          id={id}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="mt-0.5 h-4 w-4 rounded border-slate-300 text-sky-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
          {...input}
        />
        <label htmlFor={id} className="text-sm font-medium text-slate-700">
          {label}
        </label>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="ml-6 mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="ml-6 mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** A labelled select with the API's error for it. */
export function SelectField({
  label,
  error,
  children,
  className = "",
  ...select
}: Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "id" | "className"> & {
  label: React.ReactNode;
  error?: string;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`${inputClass} mt-1`}
        {...select}
      >
        {children}
      </select>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
