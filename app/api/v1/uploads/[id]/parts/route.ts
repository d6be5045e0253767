import { getPartUrlsOp } from "@/lib/api-contract/uploads";
import { getConfig } from "@/lib/config";
import { readBody, readParams } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";
import { requestOrigin } from "@/lib/http/request-origin";
import { getPartUrls } from "@/lib/uploads/get-part-urls";

// POST /api/v1/uploads/{id}/parts {partNumbers} – where to PUT each part (no Authorization header there)
// (PUT /api/v1/uploads/{id}/parts/{n}, the filesystem backend's part route, streams through lib/server/streaming-routes.ts.)
export const POST = apiRoute<{ id: string }>(async ({ req, db, principal, params }) => {
  const { id } = readParams(params, getPartUrlsOp);
  const { partNumbers } = await readBody(req, getPartUrlsOp);
  const config = getConfig();
  return json(
    await getPartUrls(db, principal, id, partNumbers, {
      maxSeconds: config.presignedUrlSeconds,
      baseUrl: requestOrigin(req.headers, config.publicUrl),
    }),
  );
});
