import { listRunArtifactsOp } from "@/lib/api-contract/runs";
import { getRunArtifacts } from "@/lib/artifacts/run-and-session-views";
import { readParams, readQuery } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";

// GET /api/v1/runs/{runId}/artifacts?namespace= – what the run published
export const GET = apiRoute<{ runId: string }>(async ({ req, db, principal, params }) => {
  const { runId } = readParams(params, listRunArtifactsOp);
  const { query } = readQuery(new URL(req.url), listRunArtifactsOp);
  return json(await getRunArtifacts(db, principal, query.namespace, runId, { limit: query.limit, cursor: query.cursor }));
});
