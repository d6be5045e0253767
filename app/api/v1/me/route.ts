import { listNamespaces } from "@/lib/admin/namespaces";
import { apiRoute, json } from "@/lib/http/route-handler";

// GET /api/v1/me – who the key belongs to and what it can read
export const GET = apiRoute(async ({ db, principal }) =>
  json({
    identity: { id: principal.identityId, name: principal.name, isAdmin: principal.isAdmin, namespace: `agent:${principal.name}` },
    namespaces: await listNamespaces(db, principal),
  }),
);
