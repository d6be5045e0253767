import { listSessions } from "@/lib/artifacts/list-runs-and-sessions";
import { apiRoute, json } from "@/lib/http/route-handler";
import { readSearchParams } from "@/lib/http/search-params";
import { parseLimit } from "@/lib/pagination";
import { ZSessionsQuery } from "../runs/schemas";

// GET /api/v1/sessions?namespace=&from=&to=&limit=&cursor= – sessions, newest first
export const GET = apiRoute(async ({ req, db, principal }) => {
  const { query } = readSearchParams(new URL(req.url), ZSessionsQuery);
  return json(await listSessions(db, principal, { ...query, limit: parseLimit(query.limit) }));
});
