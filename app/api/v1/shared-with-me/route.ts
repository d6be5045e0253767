import { z } from "zod";
import { apiRoute, json } from "@/lib/http/route-handler";
import { readSearchParams } from "@/lib/http/search-params";
import { parseLimit } from "@/lib/pagination";
import { listSharedWithMe } from "@/lib/sharing/list-shared-with-me";

const ZSharedQuery = z.strictObject({ limit: z.string().optional(), cursor: z.string().optional() });

// GET /api/v1/shared-with-me – artifacts shared with the caller or one of its groups, newest first
export const GET = apiRoute(async ({ req, db, principal }) => {
  const { query } = readSearchParams(new URL(req.url), ZSharedQuery);
  return json(await listSharedWithMe(db, principal, { limit: parseLimit(query.limit), cursor: query.cursor }));
});
