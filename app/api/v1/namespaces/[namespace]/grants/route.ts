import { createGrantOp, listGrantsOp } from "@/lib/api-contract/admin";
import { grantAccess, listGrants } from "@/lib/admin/namespaces";
import { readBody, readParams } from "@/lib/http/contract-input";
import { adminRoute, json } from "@/lib/http/route-handler";

type P = { namespace: string };

// GET /api/v1/namespaces/{ns}/grants – who has been granted access (admin)
export const GET = adminRoute<P>(async ({ db, principal, params }) => {
  const { namespace } = readParams(params, listGrantsOp);
  return json({ grants: await listGrants(db, principal, namespace) });
});

// POST /api/v1/namespaces/{ns}/grants – grant read or write to an identity or a group (admin)
export const POST = adminRoute<P>(async ({ req, db, principal, params }) => {
  const { namespace } = readParams(params, createGrantOp);
  const body = await readBody(req, createGrantOp);
  return json({ grant: await grantAccess(db, principal, namespace, body) }, { status: 201 });
});
