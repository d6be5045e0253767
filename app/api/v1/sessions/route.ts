import { listSessionsOp } from "@/lib/api-contract/runs";
import { listSessions } from "@/lib/artifacts/list-runs-and-sessions";
import { readQuery } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";

// GET /api/v1/sessions?namespace=&from=&to=&limit=&cursor= – sessions, newest first
export const GET = apiRoute(async ({ req, db, principal }) => {
  const { query } = readQuery(new URL(req.url), listSessionsOp);
  return json(await listSessions(db, principal, query));
});
