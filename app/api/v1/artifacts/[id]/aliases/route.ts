import { listAliasesOp } from "@/lib/api-contract/aliases";
import { listAliases } from "@/lib/aliases/list-aliases";
import { readParams } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";

// GET /api/v1/artifacts/{id}/aliases – the artifact's aliases, by name
export const GET = apiRoute<{ id: string }>(async ({ db, principal, params }) => {
  const { id } = readParams(params, listAliasesOp);
  return json({ aliases: await listAliases(db, principal, id) });
});
