"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/identities", label: "Identities" },
  { href: "/admin/groups", label: "Groups" },
  { href: "/admin/keys", label: "API keys" },
  { href: "/admin/grants", label: "Grants" },
  { href: "/admin/audit", label: "Audit log" },
];

/** The admin area's sections; scrolls sideways on a phone instead of wrapping. */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex gap-1 overflow-x-auto text-sm">
        {SECTIONS.map((s) => {
          const active = s.href === "/admin" ? pathname === "/admin" : pathname === s.href || pathname.startsWith(`${s.href}/`);
          return (
            <li key={s.href} className="shrink-0">
              <Link
                href={s.href}
                aria-current={active ? "page" : undefined}
                className={`block border-b-2 px-3 py-2 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600 ${
                  active ? "border-sky-700 font-medium text-sky-800" : "border-transparent text-slate-600 hover:text-slate-900"
                }`}
              >
                {s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
