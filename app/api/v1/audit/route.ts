import { z } from "zod";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { adminRoute, json } from "@/lib/http/route-handler";
import { readSearchParams } from "@/lib/http/search-params";
import { parseLimit } from "@/lib/pagination";

const ZText = z.string().min(1).max(1024);

const ZAuditQuery = z.strictObject({
  action: ZText.optional(),
  actor: ZText.optional(),
  namespace: ZText.optional(),
  artifactId: ZText.optional(),
  from: ZText.optional(),
  to: ZText.optional(),
  limit: z.string().optional(),
  cursor: z.string().optional(),
});

// GET /api/v1/audit – who did what and when, newest first (admin)
export const GET = adminRoute(async ({ req, db, principal }) => {
  const { query } = readSearchParams(new URL(req.url), ZAuditQuery);
  const { limit, ...filter } = query;
  return json(await listAuditEvents(db, principal, { ...filter, limit: parseLimit(limit) }));
});
