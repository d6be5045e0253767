import type { Transport } from "./transport.js";
import type { components } from "./generated/api-types.js";

export type Lineage = components["schemas"]["Lineage"];
export type LineageVersion = components["schemas"]["LineageVersion"];

/** GET …/versions/{n}/lineage: who and what produced the version, its inputs, the runs that read it. */
export function getLineage(transport: Transport, id: string, version: number, signal?: AbortSignal): Promise<Lineage> {
  return transport.json({
    method: "GET",
    path: `/api/v1/artifacts/${encodeURIComponent(id)}/versions/${version}/lineage`,
    signal,
  });
}
