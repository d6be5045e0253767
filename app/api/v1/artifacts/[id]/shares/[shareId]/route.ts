import { unshareArtifactOp } from "@/lib/api-contract/sharing";
import { readParams } from "@/lib/http/contract-input";
import { apiRoute } from "@/lib/http/route-handler";
import { unshareArtifact } from "@/lib/sharing/unshare-artifact";

// DELETE /api/v1/artifacts/{id}/shares/{shareId} – unshare: its recipients lose access at once
export const DELETE = apiRoute<{ id: string; shareId: string }>(async ({ db, principal, params }) => {
  const { id, shareId } = readParams(params, unshareArtifactOp);
  await unshareArtifact(db, principal, id, shareId);
  return new Response(null, { status: 204 });
});
