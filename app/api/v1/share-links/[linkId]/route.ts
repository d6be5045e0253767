import { revokeShareLinkOp } from "@/lib/api-contract/sharing";
import { readParams } from "@/lib/http/contract-input";
import { apiRoute } from "@/lib/http/route-handler";
import { revokeShareLink } from "@/lib/sharing/revoke-share-link";

// DELETE /api/v1/share-links/{linkId} – revoke: the link stops working at once
export const DELETE = apiRoute<{ linkId: string }>(async ({ db, principal, params }) => {
  const { linkId } = readParams(params, revokeShareLinkOp);
  await revokeShareLink(db, principal, linkId);
  return new Response(null, { status: 204 });
});
