import { listRunsOp } from "@/lib/api-contract/runs";
import { listRuns } from "@/lib/artifacts/list-runs-and-sessions";
import { readQuery } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";

// GET /api/v1/runs?namespace=&sessionId=&from=&to=&limit=&cursor= – runs, newest first
export const GET = apiRoute(async ({ req, db, principal }) => {
  const { query } = readQuery(new URL(req.url), listRunsOp);
  return json(await listRuns(db, principal, query));
});
