import Link from "next/link";
import { getViewer } from "@/app/_auth/get-viewer";
import { NavLinks, type TNavLink } from "@/components/dashboard/nav-links";
import { SignOutButton } from "@/components/dashboard/sign-out-button";
import { Providers } from "@/components/providers";

const LINKS: TNavLink[] = [
  { href: "/runs", label: "Runs" },
  { href: "/sessions", label: "Sessions" },
  { href: "/search", label: "Search" },
  { href: "/shared", label: "Shared with me" },
  { href: "/upload", label: "Upload" },
  { href: "/namespaces", label: "Namespaces" },
  { href: "/keys", label: "API keys" },
  { href: "/docs/api", label: "API" },
];
const ADMIN_LINKS: TNavLink[] = [{ href: "/admin", label: "Admin" }];

/** Every signed-in page: the header and navigation. Each page checks sign-in itself (requireViewer). */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  return (
    <Providers>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-2 sm:flex-row sm:items-center sm:gap-6 sm:px-6">
          <div className="flex items-center justify-between gap-4">
            <Link href="/runs" className="flex items-center gap-2 font-semibold text-slate-900">
              <img src="/icon.svg" alt="" width={24} height={24} />
              Stowage
            </Link>
            {viewer && (
              <div className="flex items-center gap-2 sm:hidden">
                <span className="max-w-[9rem] truncate text-sm text-slate-600">{viewer.name}</span>
                <SignOutButton />
              </div>
            )}
          </div>
          {viewer && (
            <nav aria-label="Main" className="min-w-0 flex-1">
              <NavLinks links={viewer.isAdmin ? [...LINKS, ...ADMIN_LINKS] : LINKS} />
            </nav>
          )}
          {viewer && (
            <div className="hidden items-center gap-2 sm:flex">
              <span className="max-w-[12rem] truncate text-sm text-slate-600" data-testid="viewer-name">
                {viewer.name}
              </span>
              <SignOutButton />
            </div>
          )}
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
        {children}
      </main>
    </Providers>
  );
}
