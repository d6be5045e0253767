import { previewRetentionOp } from "@/lib/api-contract/retention";
import { readParams } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";
import { previewRetention } from "@/lib/retention/preview-retention";

// GET /api/v1/namespaces/{ns}/retention/preview – what the retention rules would delete (admins and writers)
export const GET = apiRoute<{ namespace: string }>(async ({ db, principal, params }) => {
  const { namespace } = readParams(params, previewRetentionOp);
  return json(await previewRetention(db, principal, namespace));
});
