import { listArtifactsOp } from "@/lib/api-contract/artifacts";
import { listArtifacts } from "@/lib/artifacts/list-artifacts";
import { readQuery } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";

// GET /api/v1/artifacts – list artifacts the caller can read
// (POST, the upload, streams through lib/server/streaming-routes.ts.)
export const GET = apiRoute(async ({ req, db, principal }) => {
  const { query, prefixed } = readQuery(new URL(req.url), listArtifactsOp);
  const result = await listArtifacts(db, principal, {
    namespace: query.namespace,
    sessionId: query.sessionId,
    runId: query.runId,
    tag: query.tag,
    namePrefix: query.name,
    metadata: prefixed,
    limit: query.limit,
    cursor: query.cursor,
  });
  return json(result);
});
