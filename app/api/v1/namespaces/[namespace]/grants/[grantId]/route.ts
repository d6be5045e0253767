import { revokeGrant } from "@/lib/admin/namespaces";
import { adminRoute } from "@/lib/http/route-handler";

// DELETE /api/v1/namespaces/{ns}/grants/{grantId} – revoke a grant (admin)
export const DELETE = adminRoute<{ namespace: string; grantId: string }>(async ({ db, principal, params }) => {
  await revokeGrant(db, principal, params.namespace, params.grantId);
  return new Response(null, { status: 204 });
});
