import type { components, operations } from "./generated/api-types.js";
import type { Transport } from "./transport.js";

type Signal = { signal?: AbortSignal };

/** A named, movable pointer to one version of an artifact (`production`, `best`); `latest` is implicit. */
export type Alias = components["schemas"]["Alias"];

type SetAliasBody = operations["setAlias"]["requestBody"]["content"]["application/json"];

export type SetAliasOptions = Signal & {
  /** The version the alias points to (an existing one). */
  version: SetAliasBody["version"];
  /**
   * true: the version cannot be deleted (409 ARTIFACT_VERSION_PROTECTED) and the artifact does
   * not expire while the alias points at it. Left out: what the alias had (a new one: false).
   */
  protected?: SetAliasBody["protected"];
};

/** The alias as it is now, and whether this call created it (false: it was moved or changed). */
export type SetAliasResult = { alias: Alias; created: boolean };

const aliasesPath = (id: string, name?: string) =>
  `/api/v1/artifacts/${encodeURIComponent(id)}/aliases${name === undefined ? "" : `/${encodeURIComponent(name)}`}`;

/** GET …/aliases: every alias of the artifact, by name. */
export async function listAliases(transport: Transport, id: string, { signal }: Signal): Promise<Alias[]> {
  const { aliases } = await transport.json<{ aliases: Alias[] }>({ method: "GET", path: aliasesPath(id), signal });
  return aliases;
}

/** The alias and the version it points to (its metadata, as `version()` gives it). */
export type AliasWithVersion = components["schemas"]["AliasWithVersion"];

/** GET …/aliases/{name}: one alias with its version, in one request. */
export function getAlias(transport: Transport, id: string, name: string, { signal }: Signal): Promise<AliasWithVersion> {
  return transport.json<AliasWithVersion>({ method: "GET", path: aliasesPath(id, name), signal });
}

/**
 * PUT …/aliases/{name}: 201 when created, 200 when moved. A PUT may be retried: after a lost
 * answer the retry finds the alias already set and says `created: false`.
 */
export function setAlias(transport: Transport, id: string, name: string, options: SetAliasOptions): Promise<SetAliasResult> {
  const json: SetAliasBody = { version: options.version, ...(options.protected === undefined ? {} : { protected: options.protected }) };
  return transport.send({ method: "PUT", path: aliasesPath(id, name), json, signal: options.signal }, async ({ res }) => {
    const { alias } = (await res.json()) as { alias: Alias };
    return { alias, created: res.status === 201 };
  });
}

/** DELETE …/aliases/{name}: the version stays. A retry after a lost answer may find it gone: that 404 counts as deleted. */
export async function deleteAlias(transport: Transport, id: string, name: string, { signal }: Signal): Promise<void> {
  await transport.json({ method: "DELETE", path: aliasesPath(id, name), signal, doneAfterRetry: [404] });
}
