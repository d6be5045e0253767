"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useState } from "react";

export type TNavLink = { href: string; label: string };

/**
 * The dashboard's sections: a row on wider screens; on a phone, behind a Menu button (a row that
 * scrolls sideways would hide half of them with no hint they exist).
 */
export function NavLinks({ links }: { links: TNavLink[] }) {
  const pathname = usePathname();
  // The menu is open on the page where it was opened: following a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const listId = useId();
  const current = links.find((l) => pathname === l.href || pathname.startsWith(`${l.href}/`));
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpenOn(open ? null : pathname)}
        className="flex w-full items-center justify-between rounded-md border border-slate-200 px-3 py-2 text-sm text-slate-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600 sm:hidden"
      >
        <span>Menu{current ? <span className="text-slate-500"> · {current.label}</span> : null}</span>
        <span aria-hidden>{open ? "▴" : "▾"}</span>
      </button>
      <ul id={listId} className={`${open ? "mt-2 flex flex-col" : "hidden"} gap-1 text-sm sm:mt-0 sm:flex sm:flex-row sm:flex-wrap`}>
        {links.map((link) => {
          const active = link === current;
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
    </>
  );
}
