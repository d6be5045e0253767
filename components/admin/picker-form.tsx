import { buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";

/** A GET form that picks what the page shows (?<name>=value): works without JavaScript, keyboard first. */
export function PickerForm({
  name,
  label,
  value,
  options,
  submitLabel,
}: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  submitLabel: string;
}) {
  return (
    <form method="get" className="mb-6 flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="sm:w-80">
        <label htmlFor={`pick-${name}`} className={labelClass}>
          {label}
        </label>
        {/* Keyed by the value: after a client-side navigation the select is new, so defaultValue applies. */}
        <select key={value} id={`pick-${name}`} name={name} defaultValue={value} className={`${inputClass} mt-1`}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonSecondary}>
        {submitLabel}
      </button>
    </form>
  );
}
