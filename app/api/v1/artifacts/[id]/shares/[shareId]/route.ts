import { apiRoute } from "@/lib/http/route-handler";
import { unshareArtifact } from "@/lib/sharing/unshare-artifact";

// DELETE /api/v1/artifacts/{id}/shares/{shareId} – unshare: its recipients lose access at once
export const DELETE = apiRoute<{ id: string; shareId: string }>(async ({ db, principal, params }) => {
  await unshareArtifact(db, principal, params.id, params.shareId);
  return new Response(null, { status: 204 });
});
