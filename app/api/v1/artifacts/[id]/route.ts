import { deleteArtifactOp, getArtifactOp, updateArtifactOp } from "@/lib/api-contract/artifacts";
import { deleteArtifact } from "@/lib/artifacts/delete-artifact";
import { getArtifact } from "@/lib/artifacts/get-artifact";
import { updateArtifact } from "@/lib/artifacts/update-artifact";
import { readBody, readParams } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";

type P = { id: string };

// GET /api/v1/artifacts/{id} – metadata with the latest version
export const GET = apiRoute<P>(async ({ db, principal, params }) => {
  const { id } = readParams(params, getArtifactOp);
  return json({ artifact: await getArtifact(db, principal, id) });
});

// PATCH /api/v1/artifacts/{id} – replace tags, set or clear expiresAt
export const PATCH = apiRoute<P>(async ({ req, db, principal, params }) => {
  const { id } = readParams(params, updateArtifactOp);
  const patch = await readBody(req, updateArtifactOp);
  return json({ artifact: await updateArtifact(db, principal, id, patch) });
});

// DELETE /api/v1/artifacts/{id} – every version (owner or admin)
export const DELETE = apiRoute<P>(async ({ db, principal, params }) => {
  const { id } = readParams(params, deleteArtifactOp);
  await deleteArtifact(db, principal, id);
  return new Response(null, { status: 204 });
});
