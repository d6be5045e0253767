import { getVersionLineageOp } from "@/lib/api-contract/lineage";
import { readParams } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";
import { getVersionLineage } from "@/lib/lineage/get-version-lineage";

// GET /api/v1/artifacts/{id}/versions/{n}/lineage – what produced the version, its inputs, the runs that read it
export const GET = apiRoute<{ id: string; version: string }>(async ({ db, principal, params }) => {
  const { id, version } = readParams(params, getVersionLineageOp);
  return json(await getVersionLineage(db, principal, id, version));
});
