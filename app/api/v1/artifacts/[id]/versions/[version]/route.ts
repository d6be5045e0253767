import { deleteVersionOp, getVersionOp } from "@/lib/api-contract/artifacts";
import { deleteVersion } from "@/lib/artifacts/delete-artifact";
import { getVersion } from "@/lib/artifacts/get-artifact";
import { readParams } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";

type P = { id: string; version: string };

// GET /api/v1/artifacts/{id}/versions/{n} – one version's metadata
export const GET = apiRoute<P>(async ({ db, principal, params }) => {
  const { id, version } = readParams(params, getVersionOp);
  const { dto } = await getVersion(db, principal, id, version);
  return json({ version: dto });
});

// DELETE /api/v1/artifacts/{id}/versions/{n} – one version (owner or admin)
export const DELETE = apiRoute<P>(async ({ db, principal, params }) => {
  const { id, version } = readParams(params, deleteVersionOp);
  await deleteVersion(db, principal, id, version);
  return new Response(null, { status: 204 });
});
