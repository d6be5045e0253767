"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type TNavLink = { href: string; label: string };

/** The dashboard's sections; scrolls sideways on a phone instead of wrapping. */
export function NavLinks({ links }: { links: TNavLink[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex gap-1 overflow-x-auto text-sm">
      {links.map((link) => {
        const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <li key={link.href} className="shrink-0">
            <Link
              href={link.href}
              aria-current={active ? "page" : undefined}
              className={`block rounded-md px-3 py-2 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600 ${
                active ? "bg-sky-50 font-medium text-sky-800" : "text-slate-700 hover:bg-slate-100"
              }`}
            >
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
