import { listArtifacts } from "@/lib/artifacts/list-artifacts";
import { apiRoute, json } from "@/lib/http/route-handler";
import { readSearchParams } from "@/lib/http/search-params";
import { parseLimit } from "@/lib/pagination";
import { ZListQuery } from "./schemas";

// GET /api/v1/artifacts – list artifacts the caller can read
// (POST, the upload, streams through lib/server/streaming-routes.ts.)
export const GET = apiRoute(async ({ req, db, principal }) => {
  const { query, prefixed } = readSearchParams(new URL(req.url), ZListQuery, ["metadata."]);
  const result = await listArtifacts(db, principal, {
    namespace: query.namespace,
    sessionId: query.sessionId,
    runId: query.runId,
    tag: query.tag,
    namePrefix: query.name,
    metadata: prefixed,
    limit: parseLimit(query.limit),
    cursor: query.cursor,
  });
  return json(result);
});
