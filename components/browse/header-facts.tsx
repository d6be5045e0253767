/** The facts under a page title (namespace, session, created…), as one definition list. */
export function HeaderFacts({ facts }: { facts: [label: string, value: React.ReactNode][] }) {
  return (
    <dl className="flex flex-wrap gap-x-6 gap-y-1">
      {facts.map(([label, value]) => (
        <div key={label} className="flex gap-1">
          <dt className="text-slate-500">{label}</dt>
          <dd className="break-all text-slate-800">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
