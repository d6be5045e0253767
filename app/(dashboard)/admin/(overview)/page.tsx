import type { Metadata } from "next";
import Link from "next/link";
import { requireAdminViewer } from "@/app/_auth/get-viewer";
import { listGroups } from "@/lib/admin/groups";
import { listIdentities } from "@/lib/admin/identities";
import { listNamespaces } from "@/lib/admin/namespaces";
import { getDb } from "@/lib/db/client";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Admin · Stowage" };
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const viewer = await requireAdminViewer("/admin");
  const db = getDb();
  const [identities, groups, namespaces] = await Promise.all([
    listIdentities(db, viewer),
    listGroups(db, viewer),
    listNamespaces(db, viewer),
  ]);
  const disabled = identities.filter((i) => i.disabledAt).length;
  const sections = [
    {
      href: "/admin/identities",
      title: "Identities",
      stat: `${identities.length} (${identities.filter((i) => i.isAdmin).length} admin${disabled ? `, ${disabled} disabled` : ""})`,
      text: "People and agents: create them, give them dashboard sign-in, make them admins, disable them.",
    },
    {
      href: "/admin/groups",
      title: "Groups",
      stat: String(groups.length),
      text: "Rings of identities; every member shares the group's ring: namespace.",
    },
    { href: "/admin/keys", title: "API keys", stat: null, text: "Create and revoke API keys for any identity. A new key is shown once." },
    {
      href: "/admin/grants",
      title: "Grants",
      stat: `${namespaces.length} namespaces`,
      text: "Give identities or groups read or write access to a namespace; create custom namespaces.",
    },
    { href: "/admin/audit", title: "Audit log", stat: null, text: "Who uploaded, downloaded, shared and deleted what, and when." },
  ];
  return (
    <div>
      <PageHeader title="Admin" subtitle="Identities, groups, API keys and access for this Stowage instance." />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {sections.map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              className={`${cardClass} block h-full p-4 hover:border-sky-300 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600`}
            >
              <span className="flex items-baseline justify-between gap-2">
                <span className="font-medium text-sky-800">{s.title}</span>
                {s.stat && <span className="text-sm text-slate-500">{s.stat}</span>}
              </span>
              <span className="mt-1 block text-sm text-slate-600">{s.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
