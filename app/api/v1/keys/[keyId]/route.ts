import { revokeKeyOp } from "@/lib/api-contract/admin";
import { revokeKey } from "@/lib/admin/identities";
import { readParams } from "@/lib/http/contract-input";
import { apiRoute } from "@/lib/http/route-handler";

// DELETE /api/v1/keys/{keyId} – revoke a key at once (admin or its owner)
export const DELETE = apiRoute<{ keyId: string }>(async ({ db, principal, params }) => {
  const { keyId } = readParams(params, revokeKeyOp);
  await revokeKey(db, principal, keyId);
  return new Response(null, { status: 204 });
});
