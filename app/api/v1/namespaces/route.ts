import { createNamespaceOp } from "@/lib/api-contract/admin";
import { createCustomNamespace, listNamespaces } from "@/lib/admin/namespaces";
import { readBody } from "@/lib/http/contract-input";
import { adminRoute, apiRoute, json } from "@/lib/http/route-handler";

// GET /api/v1/namespaces – the namespaces the caller can read
export const GET = apiRoute(async ({ db, principal }) => json({ namespaces: await listNamespaces(db, principal) }));

// POST /api/v1/namespaces – create a custom namespace (admin)
export const POST = adminRoute(async ({ req, db, principal }) => {
  const body = await readBody(req, createNamespaceOp);
  return json({ namespace: await createCustomNamespace(db, principal, body.name) }, { status: 201 });
});
