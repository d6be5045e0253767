import { listSessionArtifactsOp } from "@/lib/api-contract/runs";
import { getSessionArtifacts } from "@/lib/artifacts/run-and-session-views";
import { readParams, readQuery } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";

// GET /api/v1/sessions/{sessionId}/artifacts?namespace= – the session's roll-up over all its runs
export const GET = apiRoute<{ sessionId: string }>(async ({ req, db, principal, params }) => {
  const { sessionId } = readParams(params, listSessionArtifactsOp);
  const { query } = readQuery(new URL(req.url), listSessionArtifactsOp);
  return json(await getSessionArtifacts(db, principal, query.namespace, sessionId, { limit: query.limit, cursor: query.cursor }));
});
