import { listVersionsOp } from "@/lib/api-contract/artifacts";
import { listVersions } from "@/lib/artifacts/list-versions";
import { readParams, readQuery } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";

// GET /api/v1/artifacts/{id}/versions – history, newest first
export const GET = apiRoute<{ id: string }>(async ({ req, db, principal, params }) => {
  const { id } = readParams(params, listVersionsOp);
  const { query } = readQuery(new URL(req.url), listVersionsOp);
  return json(await listVersions(db, principal, id, query));
});
