import { eachItem } from "./paginate.js";
import type { Transport } from "./transport.js";
import type { components } from "./generated/api-types.js";

type Schemas = components["schemas"];

export type Run = Schemas["Run"];
export type RunPage = Schemas["RunPage"];
export type Session = Schemas["Session"];
export type SessionPage = Schemas["SessionPage"];
export type RunInput = Schemas["RunInput"];
export type RunInputs = Schemas["RunInputs"];

/** Which run `runs.inputs` lists: run ids are unique within a namespace. */
export type RunInputsQuery = { namespace: string; limit?: number; cursor?: string; signal?: AbortSignal };

/** Filters of `runs.list` / `sessions.list`: `from` / `to` are ISO 8601 dates or dates and times. */
export type ActivityFilter = {
  namespace?: string;
  from?: string;
  to?: string;
  /** Page size (1 to 200). For `list`, only how many come per request. */
  limit?: number;
  cursor?: string;
  signal?: AbortSignal;
};

/** `runs.list` also filters by session (which needs `namespace`). */
export type RunFilter = ActivityFilter & { sessionId?: string };

/** `stowage.runs`: the runs the caller can see, newest first, with what each published. */
export class RunsApi {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** One page of runs; pass its `nextCursor` as `cursor` for the next. */
  listPage({ signal, ...query }: RunFilter = {}): Promise<RunPage> {
    return this.#transport.json({ method: "GET", path: "/api/v1/runs", query, signal });
  }

  /** Every run the filter matches, across as many pages as there are. */
  list(filter: RunFilter = {}): AsyncGenerator<Run, void, undefined> {
    return eachItem(filter.cursor, async (cursor) => {
      const page = await this.listPage({ ...filter, cursor });
      return { items: page.runs, nextCursor: page.nextCursor };
    });
  }

  /** One page of what the run read (downloads that carried its id), newest first, with the run. */
  inputsPage(runId: string, { signal, ...query }: RunInputsQuery): Promise<RunInputs> {
    return this.#transport.json({ method: "GET", path: `/api/v1/runs/${encodeURIComponent(runId)}/inputs`, query, signal });
  }

  /** Every version the run read, newest first, across as many pages as there are. */
  inputs(runId: string, query: RunInputsQuery): AsyncGenerator<RunInput, void, undefined> {
    return eachItem(query.cursor, async (cursor) => {
      const page = await this.inputsPage(runId, { ...query, cursor });
      return { items: page.inputs, nextCursor: page.nextCursor };
    });
  }
}

/** `stowage.sessions`: the sessions the caller can see, newest first, with their run counts. */
export class SessionsApi {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** One page of sessions; pass its `nextCursor` as `cursor` for the next. */
  listPage({ signal, ...query }: ActivityFilter = {}): Promise<SessionPage> {
    return this.#transport.json({ method: "GET", path: "/api/v1/sessions", query, signal });
  }

  /** Every session the filter matches, across as many pages as there are. */
  list(filter: ActivityFilter = {}): AsyncGenerator<Session, void, undefined> {
    return eachItem(filter.cursor, async (cursor) => {
      const page = await this.listPage({ ...filter, cursor });
      return { items: page.sessions, nextCursor: page.nextCursor };
    });
  }
}
