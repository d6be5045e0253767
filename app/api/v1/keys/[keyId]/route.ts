import { revokeKey } from "@/lib/admin/identities";
import { apiRoute } from "@/lib/http/route-handler";

// DELETE /api/v1/keys/{keyId} – revoke a key at once (admin or its owner)
export const DELETE = apiRoute<{ keyId: string }>(async ({ db, principal, params }) => {
  await revokeKey(db, principal, params.keyId);
  return new Response(null, { status: 204 });
});
