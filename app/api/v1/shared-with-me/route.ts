import { listSharedWithMeOp } from "@/lib/api-contract/sharing";
import { readQuery } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";
import { listSharedWithMe } from "@/lib/sharing/list-shared-with-me";

// GET /api/v1/shared-with-me – artifacts shared with the caller or one of its groups, newest first
export const GET = apiRoute(async ({ req, db, principal }) => {
  const { query } = readQuery(new URL(req.url), listSharedWithMeOp);
  return json(await listSharedWithMe(db, principal, { limit: query.limit, cursor: query.cursor }));
});
