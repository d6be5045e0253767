import { abortUploadOp, getUploadOp } from "@/lib/api-contract/uploads";
import { readParams } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";
import { abortDirectUpload } from "@/lib/uploads/abort-direct-upload";
import { getDirectUpload } from "@/lib/uploads/get-direct-upload";

type P = { id: string };

// GET /api/v1/uploads/{id} – state, and the parts stored so far (to resume)
export const GET = apiRoute<P>(async ({ db, principal, params }) => {
  const { id } = readParams(params, getUploadOp);
  return json(await getDirectUpload(db, principal, id));
});

// DELETE /api/v1/uploads/{id} – abort: the parts are discarded
export const DELETE = apiRoute<P>(async ({ db, principal, params }) => {
  const { id } = readParams(params, abortUploadOp);
  return json(await abortDirectUpload(db, principal, id));
});
