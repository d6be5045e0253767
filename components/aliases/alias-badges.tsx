import type { TAliasDto } from "@/lib/aliases/alias-dto";

/** A closed padlock; decorative, the word beside it says the same to screen readers. */
function LockIcon() {
  return (
    <svg viewBox="0 0 16 16" className="h-3 w-3" fill="currentColor" aria-hidden focusable="false">
      <path d="M8 1a3.5 3.5 0 0 0-3.5 3.5V6H4a1.5 1.5 0 0 0-1.5 1.5v6A1.5 1.5 0 0 0 4 15h8a1.5 1.5 0 0 0 1.5-1.5v-6A1.5 1.5 0 0 0 12 6h-.5V4.5A3.5 3.5 0 0 0 8 1Zm2 5H6V4.5a2 2 0 1 1 4 0V6Z" />
    </svg>
  );
}

/** One alias's name as a badge; a protected one carries a lock (and says "protected" to screen readers). */
export function AliasBadge({ alias }: { alias: Pick<TAliasDto, "name" | "protected"> }) {
  return (
    <span
      className={`inline-flex max-w-full items-center gap-1 break-all rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${
        alias.protected ? "bg-amber-50 text-amber-900 ring-amber-300" : "bg-violet-50 text-violet-800 ring-violet-200"
      }`}
      data-testid={`alias-badge-${alias.name}`}
      data-protected={alias.protected ? "true" : undefined}
      title={alias.protected ? `${alias.name} (protected: its version cannot be deleted)` : undefined}
    >
      {alias.protected && <LockIcon />}
      {alias.name}
      {alias.protected && <span className="sr-only"> (protected)</span>}
    </span>
  );
}

/** The aliases pointing at one version, as a list of badges; nothing when there are none. */
export function AliasBadges({
  aliases,
  version,
  className = "mt-1",
}: {
  aliases: Pick<TAliasDto, "name" | "protected">[];
  version: number;
  className?: string;
}) {
  if (aliases.length === 0) return null;
  return (
    <ul className={`flex flex-wrap gap-1 ${className}`} aria-label={`Aliases of version ${version}`} data-testid={`aliases-of-${version}`}>
      {aliases.map((a) => (
        <li key={a.name} className="max-w-full">
          <AliasBadge alias={a} />
        </li>
      ))}
    </ul>
  );
}
