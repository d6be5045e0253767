import { getConfig } from "@/lib/config";
import { apiRoute, json } from "@/lib/http/route-handler";
import { readJsonBody } from "@/lib/http/read-json-body";
import { requestOrigin } from "@/lib/http/request-origin";
import { getPartUrls } from "@/lib/uploads/get-part-urls";
import { ZPartUrlsRequest } from "../../schemas";

// POST /api/v1/uploads/{id}/parts {partNumbers} – where to PUT each part (no Authorization header there)
// (PUT /api/v1/uploads/{id}/parts/{n}, the filesystem backend's part route, streams through lib/server/streaming-routes.ts.)
export const POST = apiRoute<{ id: string }>(async ({ req, db, principal, params }) => {
  const { partNumbers } = await readJsonBody(req, ZPartUrlsRequest);
  const config = getConfig();
  return json(
    await getPartUrls(db, principal, params.id, partNumbers, {
      maxSeconds: config.presignedUrlSeconds,
      baseUrl: requestOrigin(req.headers, config.publicUrl),
    }),
  );
});
