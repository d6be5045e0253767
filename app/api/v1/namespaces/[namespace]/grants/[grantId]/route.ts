import { revokeGrantOp } from "@/lib/api-contract/admin";
import { revokeGrant } from "@/lib/admin/namespaces";
import { readParams } from "@/lib/http/contract-input";
import { adminRoute } from "@/lib/http/route-handler";

// DELETE /api/v1/namespaces/{ns}/grants/{grantId} – revoke a grant (admin)
export const DELETE = adminRoute<{ namespace: string; grantId: string }>(async ({ db, principal, params }) => {
  const { namespace, grantId } = readParams(params, revokeGrantOp);
  await revokeGrant(db, principal, namespace, grantId);
  return new Response(null, { status: 204 });
});
