import { ServiceStatusCard } from "@/components/service-status-card";
import { getServiceStatus } from "@/lib/service-status";
import { redirect } from "next/navigation";
import Link from "next/link";
import { getViewer } from "@/app/_auth/get-viewer";
import { buttonPrimary } from "@/components/ui/styles";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  if (await getViewer()) redirect("/runs");
  const status = await getServiceStatus();
  return (
    <main className="mx-auto max-w-3xl px-4 py-12 sm:px-6">
      <header className="flex items-center gap-3">
        <img src="/icon.svg" alt="" width={40} height={40} />
        <div>
          <h1 className="text-2xl font-semibold">Stowage</h1>
          <p className="text-sm text-slate-600">Versioned artifact storage for AI agents</p>
        </div>
        <Link href="/signin" className={`${buttonPrimary} ml-auto`}>
          Sign in
        </Link>
      </header>

      <ServiceStatusCard status={status} />

      <section aria-labelledby="api" className="mt-8 text-sm leading-6 text-slate-700">
        <h2 id="api" className="text-lg font-medium text-slate-900">
          HTTP API v1
        </h2>
        <p className="mt-2">
          Agents publish with <code className="rounded bg-slate-100 px-1">POST /api/v1/artifacts</code> and an API key in{" "}
          <code className="rounded bg-slate-100 px-1">Authorization: Bearer …</code>. Every update is a new immutable version. See the
          README for the full contract and curl examples.
        </p>
        <p className="mt-2">
          Health:{" "}
          <a className="text-sky-700 underline" href="/api/v1/health">
            /api/v1/health
          </a>
        </p>
      </section>
    </main>
  );
}
