import { getNamespaceUsageOp } from "@/lib/api-contract/admin";
import { getNamespaceUsage } from "@/lib/artifacts/namespace-usage";
import { readParams } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";

// GET /api/v1/namespaces/{ns}/usage – bytes stored and held, the quota, counts
export const GET = apiRoute<{ namespace: string }>(async ({ db, principal, params }) => {
  const { namespace } = readParams(params, getNamespaceUsageOp);
  return json(await getNamespaceUsage(db, principal, namespace));
});
