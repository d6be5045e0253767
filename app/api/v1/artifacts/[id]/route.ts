import { deleteArtifact } from "@/lib/artifacts/delete-artifact";
import { getArtifact } from "@/lib/artifacts/get-artifact";
import { updateArtifact } from "@/lib/artifacts/update-artifact";
import { apiRoute, json } from "@/lib/http/route-handler";
import { readJsonBody } from "@/lib/http/read-json-body";
import { ZArtifactPatch } from "../schemas";

type P = { id: string };

// GET /api/v1/artifacts/{id} – metadata with the latest version
export const GET = apiRoute<P>(async ({ db, principal, params }) => json({ artifact: await getArtifact(db, principal, params.id) }));

// PATCH /api/v1/artifacts/{id} – replace tags, set or clear expiresAt
export const PATCH = apiRoute<P>(async ({ req, db, principal, params }) => {
  const patch = await readJsonBody(req, ZArtifactPatch);
  return json({ artifact: await updateArtifact(db, principal, params.id, patch) });
});

// DELETE /api/v1/artifacts/{id} – every version (owner or admin)
export const DELETE = apiRoute<P>(async ({ db, principal, params }) => {
  await deleteArtifact(db, principal, params.id);
  return new Response(null, { status: 204 });
});
