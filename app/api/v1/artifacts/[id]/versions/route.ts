import { z } from "zod";
import { listVersions } from "@/lib/artifacts/list-versions";
import { apiRoute, json } from "@/lib/http/route-handler";
import { readSearchParams } from "@/lib/http/search-params";
import { parseLimit } from "@/lib/pagination";

const ZVersionsQuery = z.strictObject({ limit: z.string().optional(), cursor: z.string().optional() });

// GET /api/v1/artifacts/{id}/versions – history, newest first
export const GET = apiRoute<{ id: string }>(async ({ req, db, principal, params }) => {
  const { query } = readSearchParams(new URL(req.url), ZVersionsQuery);
  return json(await listVersions(db, principal, params.id, { limit: parseLimit(query.limit), cursor: query.cursor }));
});
