import { updateIdentityOp } from "@/lib/api-contract/admin";
import { updateIdentity } from "@/lib/admin/update-identity";
import { readBody, readParams } from "@/lib/http/contract-input";
import { adminRoute, json } from "@/lib/http/route-handler";

// PATCH /api/v1/identities/{name} {email?, password?, isAdmin?, disabled?} – change an identity (admin; not your own admin flag or enabled state)
export const PATCH = adminRoute<{ name: string }>(async ({ req, db, principal, params }) => {
  const { name } = readParams(params, updateIdentityOp);
  const body = await readBody(req, updateIdentityOp);
  return json({ identity: await updateIdentity(db, principal, name, body) });
});
