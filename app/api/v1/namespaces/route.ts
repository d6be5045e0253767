import { z } from "zod";
import { createCustomNamespace, listNamespaces } from "@/lib/admin/namespaces";
import { adminRoute, apiRoute, json } from "@/lib/http/route-handler";
import { readJsonBody } from "@/lib/http/read-json-body";

const ZCreateNamespace = z.strictObject({ name: z.string().min(1).max(100) });

// GET /api/v1/namespaces – the namespaces the caller can read
export const GET = apiRoute(async ({ db, principal }) => json({ namespaces: await listNamespaces(db, principal) }));

// POST /api/v1/namespaces – create a custom namespace (admin)
export const POST = adminRoute(async ({ req, db, principal }) => {
  const body = await readJsonBody(req, ZCreateNamespace);
  return json({ namespace: await createCustomNamespace(db, principal, body.name) }, { status: 201 });
});
