import { listAuditEventsOp } from "@/lib/api-contract/admin";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { readQuery } from "@/lib/http/contract-input";
import { adminRoute, json } from "@/lib/http/route-handler";

// GET /api/v1/audit – who did what and when, newest first (admin)
export const GET = adminRoute(async ({ req, db, principal }) => {
  const { query } = readQuery(new URL(req.url), listAuditEventsOp);
  return json(await listAuditEvents(db, principal, query));
});
