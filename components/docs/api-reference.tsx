/** The OpenAPI document as a page: rendered on the server from the JSON, nothing from another origin. */

type TSchema = Record<string, unknown>;
type TParameter = { name: string; in: string; required?: boolean; description?: string; schema?: TSchema };
type TMedia = { schema?: TSchema; example?: unknown };
type TResponse = { description: string; content?: Record<string, TMedia>; headers?: Record<string, { description?: string }> };
type TOperation = {
  operationId: string;
  tags?: string[];
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: TParameter[];
  requestBody?: { required?: boolean; description?: string; content: Record<string, TMedia> };
  responses: Record<string, TResponse>;
  "x-stowage-admin-only"?: boolean;
};
export type TOpenApiDocument = {
  info: { title: string; version: string; description?: string };
  tags?: { name: string }[];
  paths: Record<string, Record<string, TOperation>>;
  components?: { schemas?: Record<string, TSchema> };
};

const METHOD_STYLE: Record<string, string> = {
  get: "bg-sky-100 text-sky-900",
  head: "bg-slate-100 text-slate-800",
  post: "bg-emerald-100 text-emerald-900",
  put: "bg-amber-100 text-amber-900",
  patch: "bg-violet-100 text-violet-900",
  delete: "bg-rose-100 text-rose-900",
};

/** A component reference by name, else the schema as JSON (text, never markup). */
function SchemaView({ schema }: { schema?: TSchema }) {
  if (!schema) return null;
  const ref = typeof schema.$ref === "string" ? schema.$ref.replace("#/components/schemas/", "") : null;
  if (ref) {
    return (
      <a href={`#schema-${ref}`} className="font-mono text-sm text-sky-800 underline">
        {ref}
      </a>
    );
  }
  // Focusable, so the scrollable block can be scrolled from the keyboard.
  return (
    <pre tabIndex={0} className="mt-1 max-h-80 overflow-auto rounded bg-slate-50 p-2 text-xs text-slate-800">
      {JSON.stringify(schema, null, 2)}
    </pre>
  );
}

/** Text with `code` spans, as the contract's descriptions write them; never parsed as markup. */
export function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split("`").map((part, i) =>
        i % 2 ? (
          <code key={i} className="rounded bg-slate-100 px-1 text-[0.9em]">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

function OperationView({ path, method, op }: { path: string; method: string; op: TOperation }) {
  const auth =
    op.security?.length === 0 ? "no credentials" : op["x-stowage-admin-only"] ? "admin API key or session" : "API key or session";
  return (
    <section id={op.operationId} className="rounded border border-slate-200 bg-white p-4" data-testid="api-operation">
      <h3 className="flex flex-wrap items-center gap-2 font-mono text-sm">
        <span className={`rounded px-2 py-0.5 font-semibold uppercase ${METHOD_STYLE[method] ?? ""}`}>{method}</span>
        <span className="break-all text-slate-900">{path}</span>
      </h3>
      <p className="mt-2 text-sm text-slate-800">{op.summary}</p>
      {op.description && (
        <p className="mt-1 text-sm text-slate-600">
          <Prose text={op.description} />
        </p>
      )}
      <p className="mt-1 text-xs text-slate-500">
        Auth: {auth} · operationId <code>{op.operationId}</code>
      </p>
      {op.parameters?.length ? (
        <table className="mt-3 w-full table-fixed text-left text-sm [overflow-wrap:anywhere]">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="w-1/3 py-1 pr-3">Parameter</th>
              <th className="w-16 py-1 pr-3">In</th>
              <th className="py-1">Description</th>
            </tr>
          </thead>
          <tbody>
            {op.parameters.map((p) => (
              <tr key={`${p.in}-${p.name}`} className="border-t border-slate-100 align-top">
                <td className="py-1 pr-3 font-mono">
                  {p.name}
                  {p.required && <span className="text-rose-700"> *</span>}
                </td>
                <td className="py-1 pr-3 text-slate-600">{p.in}</td>
                <td className="py-1 text-slate-700">
                  <Prose text={p.description ?? (typeof p.schema?.type === "string" ? p.schema.type : "")} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {op.requestBody && (
        <div className="mt-3">
          <h4 className="text-xs font-semibold uppercase text-slate-500">Request body{op.requestBody.required ? "" : " (optional)"}</h4>
          {op.requestBody.description && (
            <p className="text-sm text-slate-600">
              <Prose text={op.requestBody.description} />
            </p>
          )}
          {Object.entries(op.requestBody.content).map(([type, media]) => (
            <div key={type} className="mt-1">
              <code className="text-xs text-slate-600">{type}</code>
              <SchemaView schema={media.schema} />
            </div>
          ))}
        </div>
      )}
      <div className="mt-3">
        <h4 className="text-xs font-semibold uppercase text-slate-500">Responses</h4>
        <ul className="mt-1 space-y-2">
          {Object.entries(op.responses).map(([status, r]) => (
            <li key={status} className="text-sm">
              <span className="font-mono font-semibold">{status}</span>{" "}
              <span className="text-slate-700">
                <Prose text={r.description} />
              </span>
              {Object.entries(r.content ?? {}).map(([type, media]) => (
                <div key={type} className="ml-6">
                  <code className="text-xs text-slate-600">{type}</code> <SchemaView schema={media.schema} />
                </div>
              ))}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

export function ApiReference({ doc }: { doc: TOpenApiDocument }) {
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  const tags = doc.tags?.map((t) => t.name) ?? [...new Set(operations.map((o) => o.op.tags?.[0] ?? "Other"))];
  return (
    <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
      <nav aria-label="Operations" className="text-sm lg:sticky lg:top-4 lg:self-start">
        {tags.map((tag) => (
          <div key={tag} className="mb-3">
            <a href={`#tag-${tag}`} className="font-semibold text-slate-900">
              {tag}
            </a>
            <ul className="mt-1 space-y-0.5">
              {operations
                .filter((o) => (o.op.tags?.[0] ?? "Other") === tag)
                .map((o) => (
                  <li key={o.op.operationId}>
                    <a href={`#${o.op.operationId}`} className="text-slate-600 hover:text-slate-900">
                      {o.op.summary ?? o.op.operationId}
                    </a>
                  </li>
                ))}
            </ul>
          </div>
        ))}
        <a href="#schemas" className="font-semibold text-slate-900">
          Schemas
        </a>
      </nav>
      <div className="min-w-0 space-y-8">
        {tags.map((tag) => (
          <section key={tag} id={`tag-${tag}`} aria-labelledby={`tag-${tag}-title`}>
            <h2 id={`tag-${tag}-title`} className="mb-3 text-lg font-semibold text-slate-900">
              {tag}
            </h2>
            <div className="space-y-4">
              {operations
                .filter((o) => (o.op.tags?.[0] ?? "Other") === tag)
                .map((o) => (
                  <OperationView key={o.op.operationId} {...o} />
                ))}
            </div>
          </section>
        ))}
        <section id="schemas" aria-labelledby="schemas-title">
          <h2 id="schemas-title" className="mb-3 text-lg font-semibold text-slate-900">
            Schemas
          </h2>
          <div className="space-y-4">
            {Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) => (
              <section key={name} id={`schema-${name}`} className="rounded border border-slate-200 bg-white p-4">
                <h3 className="font-mono text-sm font-semibold text-slate-900">{name}</h3>
                <SchemaView schema={schema} />
              </section>
            ))}
          </div>
        </section>
      </div>
    </div>
  );
}
