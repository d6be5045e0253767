import { inputClass, labelClass } from "@/components/ui/styles";

/** The namespace filter: every namespace the viewer can read, or all of them. */
export function NamespaceSelect({ namespaces, value, id = "namespace" }: { namespaces: { name: string }[]; value?: string; id?: string }) {
  const known = !value || namespaces.some((ns) => ns.name === value);
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        Namespace
      </label>
      <select id={id} name="namespace" defaultValue={value ?? ""} className={`${inputClass} mt-1`}>
        <option value="">All readable namespaces</option>
        {!known && <option value={value}>{value}</option>}
        {namespaces.map((ns) => (
          <option key={ns.name} value={ns.name}>
            {ns.name}
          </option>
        ))}
      </select>
    </div>
  );
}
