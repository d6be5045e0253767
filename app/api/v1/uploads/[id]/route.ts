import { apiRoute, json } from "@/lib/http/route-handler";
import { abortDirectUpload } from "@/lib/uploads/abort-direct-upload";
import { getDirectUpload } from "@/lib/uploads/get-direct-upload";

// GET /api/v1/uploads/{id} – state, and the parts stored so far (to resume)
export const GET = apiRoute<{ id: string }>(async ({ db, principal, params }) => json(await getDirectUpload(db, principal, params.id)));

// DELETE /api/v1/uploads/{id} – abort: the parts are discarded
export const DELETE = apiRoute<{ id: string }>(async ({ db, principal, params }) =>
  json(await abortDirectUpload(db, principal, params.id)),
);
