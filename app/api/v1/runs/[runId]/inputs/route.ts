import { listRunInputsOp } from "@/lib/api-contract/lineage";
import { readParams, readQuery } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";
import { listRunInputs } from "@/lib/lineage/list-run-inputs";

// GET /api/v1/runs/{runId}/inputs?namespace= – what the run read
export const GET = apiRoute<{ runId: string }>(async ({ req, db, principal, params }) => {
  const { runId } = readParams(params, listRunInputsOp);
  const { query } = readQuery(new URL(req.url), listRunInputsOp);
  return json(await listRunInputs(db, principal, query.namespace, runId, { limit: query.limit, cursor: query.cursor }));
});
