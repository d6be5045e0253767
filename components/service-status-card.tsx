type TStatus = { up: boolean; database: "sqlite" | "postgres"; storage: string; maxUploadMb?: number };

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
}

/** Whether the service works, and on what; never anything about what is stored. */
export function ServiceStatusCard({ status }: { status: TStatus }) {
  return (
    <section aria-labelledby="status" className="mt-8 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="status" className="flex items-center gap-2 text-lg font-medium">
        <span className={`inline-block h-3 w-3 rounded-full ${status.up ? "bg-emerald-500" : "bg-red-500"}`} aria-hidden />
        {status.up ? "Service is up" : "Service is degraded: the database is unreachable"}
      </h2>
      <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
        <Fact label="Database" value={status.database === "sqlite" ? "SQLite" : "PostgreSQL"} />
        <Fact label="Blob storage" value={status.storage} />
        {status.maxUploadMb !== undefined && <Fact label="Largest upload" value={`${status.maxUploadMb} MB`} />}
      </dl>
    </section>
  );
}
