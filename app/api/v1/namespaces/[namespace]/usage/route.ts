import { getNamespaceUsage } from "@/lib/artifacts/namespace-usage";
import { apiRoute, json } from "@/lib/http/route-handler";

// GET /api/v1/namespaces/{ns}/usage – bytes stored and held, the quota, counts
export const GET = apiRoute<{ namespace: string }>(async ({ db, principal, params }) =>
  json(await getNamespaceUsage(db, principal, params.namespace)),
);
