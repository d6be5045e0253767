import Link from "next/link";

export type TTab = { id: string; label: string; href: string };

/**
 * Page sections as links (each has its own URL, and works without JavaScript); the current one is
 * marked with aria-current, as navigation rather than an ARIA tablist.
 */
export function Tabs({ label, tabs, current }: { label: string; tabs: TTab[]; current: string }) {
  return (
    <nav aria-label={`${label} sections`} className="mb-4 border-b border-slate-200">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {tabs.map((tab) => {
          const active = tab.id === current;
          return (
            <li key={tab.id} className="shrink-0">
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={`block border-b-2 px-3 py-2 text-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600 ${
                  active
                    ? "border-sky-700 font-medium text-sky-800"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
