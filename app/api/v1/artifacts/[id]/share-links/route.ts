import { listShareLinksOp } from "@/lib/api-contract/sharing";
import { readParams, readQuery } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";
import { listShareLinks } from "@/lib/sharing/list-share-links";

// GET /api/v1/artifacts/{id}/share-links – the artifact's links with their status, never their tokens
export const GET = apiRoute<{ id: string }>(async ({ req, db, principal, params }) => {
  const { id } = readParams(params, listShareLinksOp);
  const { query } = readQuery(new URL(req.url), listShareLinksOp);
  return json(await listShareLinks(db, principal, id, { limit: query.limit, cursor: query.cursor }));
});
