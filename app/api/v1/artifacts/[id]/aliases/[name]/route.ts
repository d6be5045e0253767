import { deleteAliasOp, getAliasOp, setAliasOp } from "@/lib/api-contract/aliases";
import { getAlias } from "@/lib/aliases/get-alias";
import { deleteAlias } from "@/lib/aliases/delete-alias";
import { setAlias } from "@/lib/aliases/set-alias";
import { readBody, readParams } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";

// GET /api/v1/artifacts/{id}/aliases/{name} – the alias and its version's metadata
export const GET = apiRoute<{ id: string; name: string }>(async ({ db, principal, params }) => {
  const { id, name } = readParams(params, getAliasOp);
  return json(await getAlias(db, principal, id, name));
});

// PUT /api/v1/artifacts/{id}/aliases/{name} {version, protected?} – create (201) or move (200) an alias
export const PUT = apiRoute<{ id: string; name: string }>(async ({ req, db, principal, params }) => {
  const { id, name } = readParams(params, setAliasOp);
  const body = await readBody(req, setAliasOp);
  const { alias, created } = await setAlias(db, principal, id, name, body);
  return json({ alias }, { status: created ? 201 : 200 });
});

// DELETE /api/v1/artifacts/{id}/aliases/{name} – remove an alias; its version stays
export const DELETE = apiRoute<{ id: string; name: string }>(async ({ db, principal, params }) => {
  const { id, name } = readParams(params, deleteAliasOp);
  await deleteAlias(db, principal, id, name);
  return new Response(null, { status: 204 });
});
