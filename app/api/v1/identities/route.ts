import { createIdentityOp } from "@/lib/api-contract/admin";
import { createIdentity, listIdentities } from "@/lib/admin/identities";
import { readBody } from "@/lib/http/contract-input";
import { adminRoute, json } from "@/lib/http/route-handler";

// GET /api/v1/identities – every identity (admin)
export const GET = adminRoute(async ({ db, principal }) => json({ identities: await listIdentities(db, principal) }));

// POST /api/v1/identities – create an identity with its agent:<name> namespace, optionally with dashboard sign-in (admin)
export const POST = adminRoute(async ({ req, db, principal }) => {
  const body = await readBody(req, createIdentityOp);
  return json({ identity: await createIdentity(db, principal, body) }, { status: 201 });
});
