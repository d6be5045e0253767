import { z } from "zod";
import { apiRoute, json } from "@/lib/http/route-handler";
import { readSearchParams } from "@/lib/http/search-params";
import { parseLimit } from "@/lib/pagination";
import { listShareLinks } from "@/lib/sharing/list-share-links";

const ZLinksQuery = z.strictObject({ limit: z.string().optional(), cursor: z.string().optional() });

// GET /api/v1/artifacts/{id}/share-links – the artifact's links with their status, never their tokens
export const GET = apiRoute<{ id: string }>(async ({ req, db, principal, params }) => {
  const { query } = readSearchParams(new URL(req.url), ZLinksQuery);
  return json(await listShareLinks(db, principal, params.id, { limit: parseLimit(query.limit), cursor: query.cursor }));
});
