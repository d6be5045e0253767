import { deleteVersion } from "@/lib/artifacts/delete-artifact";
import { getVersion } from "@/lib/artifacts/get-artifact";
import { parseVersionNumber } from "@/lib/artifacts/artifact-fields";
import { apiRoute, json } from "@/lib/http/route-handler";

type P = { id: string; version: string };

// GET /api/v1/artifacts/{id}/versions/{n} – one version's metadata
export const GET = apiRoute<P>(async ({ db, principal, params }) => {
  const { dto } = await getVersion(db, principal, params.id, parseVersionNumber(params.version));
  return json({ version: dto });
});

// DELETE /api/v1/artifacts/{id}/versions/{n} – one version (owner or admin)
export const DELETE = apiRoute<P>(async ({ db, principal, params }) => {
  await deleteVersion(db, principal, params.id, parseVersionNumber(params.version)!);
  return new Response(null, { status: 204 });
});
