import { getServiceStatus } from "@/lib/service-status";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const status = await getServiceStatus();
  return (
    <main className="mx-auto max-w-3xl px-4 py-12 sm:px-6">
      <header className="flex items-center gap-3">
        <img src="/icon.svg" alt="" width={40} height={40} />
        <div>
          <h1 className="text-2xl font-semibold">Stowage</h1>
          <p className="text-sm text-slate-600">Versioned artifact storage for AI agents</p>
        </div>
      </header>

      <section aria-labelledby="status" className="mt-8 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="status" className="flex items-center gap-2 text-lg font-medium">
          <span className={`inline-block h-3 w-3 rounded-full ${status.up ? "bg-emerald-500" : "bg-red-500"}`} aria-hidden />
          {status.up ? "Service is up" : "Service is degraded: the database is unreachable"}
        </h2>
        <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-500">Database</dt>
            <dd className="font-medium">{status.database === "sqlite" ? "SQLite" : "PostgreSQL"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Blob storage</dt>
            <dd className="font-medium">{status.storage}</dd>
          </div>
          {status.up && (
            <div>
              <dt className="text-slate-500">Largest upload</dt>
              <dd className="font-medium">{status.maxUploadMb} MB</dd>
            </div>
          )}
        </dl>
      </section>

      <section aria-labelledby="api" className="mt-8 text-sm leading-6 text-slate-700">
        <h2 id="api" className="text-lg font-medium text-slate-900">HTTP API v1</h2>
        <p className="mt-2">
          Agents publish with <code className="rounded bg-slate-100 px-1">POST /api/v1/artifacts</code> and an API key in{" "}
          <code className="rounded bg-slate-100 px-1">Authorization: Bearer …</code>. Every update is a new immutable version. See the README for
          the full contract and curl examples.
        </p>
        <p className="mt-2">
          Health: <a className="text-sky-700 underline" href="/api/v1/health">/api/v1/health</a>
        </p>
      </section>
    </main>
  );
}
