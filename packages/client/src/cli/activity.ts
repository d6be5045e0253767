import { int, positionalsOf, str } from "./args.js";
import type { Command, Values } from "./command.js";
import { collect, pageSizeFor } from "./collect.js";
import { formatDate } from "./format.js";

const limitOption = { type: "string", value: "N", help: "at most N (default: all)" } as const;

function range(values: Values, limit: number | undefined) {
  const from = str(values, "from");
  const to = str(values, "to");
  return { limit: pageSizeFor(limit), ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

export const runs: Command = {
  name: "runs",
  args: "[--namespace NS] [--session ID]",
  summary: "the runs you can see, newest first, with what each published",
  options: {
    namespace: { type: "string", short: "n", value: "NS", help: "only this namespace" },
    session: { type: "string", value: "ID", help: "only this session's runs (needs --namespace)" },
    from: { type: "string", value: "DATE", help: "created at or after (ISO 8601)" },
    to: { type: "string", value: "DATE", help: "created before (ISO 8601)" },
    limit: limitOption,
  },
  async run({ values, positionals, out, signal, client }) {
    positionalsOf(runs, positionals, []);
    const limit = int(values, "limit", { min: 1 });
    const namespace = str(values, "namespace");
    const sessionId = str(values, "session");
    const stowage = await client();
    const filter = { signal, ...range(values, limit), ...(namespace ? { namespace } : {}), ...(sessionId ? { sessionId } : {}) };
    const found = await collect(stowage.runs.list(filter), limit);
    if (out.json) return out.data(found);
    if (found.length === 0) return out.note("no runs");
    out.table(
      ["RUN", "NAMESPACE", "SESSION", "ARTIFACTS", "VERSIONS", "CREATED"],
      found.map((r) => [r.id, r.namespace, r.sessionId ?? "-", String(r.artifactCount), String(r.versionCount), formatDate(r.createdAt)]),
    );
  },
};

export const sessions: Command = {
  name: "sessions",
  args: "[--namespace NS]",
  summary: "the sessions you can see, newest first, with their run counts",
  options: {
    namespace: { type: "string", short: "n", value: "NS", help: "only this namespace" },
    from: { type: "string", value: "DATE", help: "created at or after (ISO 8601)" },
    to: { type: "string", value: "DATE", help: "created before (ISO 8601)" },
    limit: limitOption,
  },
  async run({ values, positionals, out, signal, client }) {
    positionalsOf(sessions, positionals, []);
    const limit = int(values, "limit", { min: 1 });
    const namespace = str(values, "namespace");
    const stowage = await client();
    const found = await collect(stowage.sessions.list({ signal, ...range(values, limit), ...(namespace ? { namespace } : {}) }), limit);
    if (out.json) return out.data(found);
    if (found.length === 0) return out.note("no sessions");
    out.table(
      ["SESSION", "NAMESPACE", "RUNS", "CREATED"],
      found.map((s) => [s.id, s.namespace, String(s.runCount), formatDate(s.createdAt)]),
    );
  },
};
