import { z } from "zod";
import { grantAccess, listGrants } from "@/lib/admin/namespaces";
import { adminRoute, json } from "@/lib/http/route-handler";
import { readJsonBody } from "@/lib/http/read-json-body";

const ZGrant = z.strictObject({
  identity: z.string().min(1).optional(),
  group: z.string().min(1).optional(),
  permission: z.enum(["read", "write"]),
});

type P = { namespace: string };

// GET /api/v1/namespaces/{ns}/grants – who has been granted access (admin)
export const GET = adminRoute<P>(async ({ db, principal, params }) => json({ grants: await listGrants(db, principal, params.namespace) }));

// POST /api/v1/namespaces/{ns}/grants – grant read or write to an identity or a group (admin)
export const POST = adminRoute<P>(async ({ req, db, principal, params }) => {
  const body = await readJsonBody(req, ZGrant);
  return json({ grant: await grantAccess(db, principal, params.namespace, body) }, { status: 201 });
});
