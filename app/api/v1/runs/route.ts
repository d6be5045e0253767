import { listRuns } from "@/lib/artifacts/list-runs-and-sessions";
import { apiRoute, json } from "@/lib/http/route-handler";
import { readSearchParams } from "@/lib/http/search-params";
import { parseLimit } from "@/lib/pagination";
import { ZRunsQuery } from "./schemas";

// GET /api/v1/runs?namespace=&sessionId=&from=&to=&limit=&cursor= – runs, newest first
export const GET = apiRoute(async ({ req, db, principal }) => {
  const { query } = readSearchParams(new URL(req.url), ZRunsQuery);
  return json(await listRuns(db, principal, { ...query, limit: parseLimit(query.limit) }));
});
