import { versionRef } from "@/lib/aliases/version-ref";
import { getDownloadUrlOp } from "@/lib/api-contract/artifacts";
import { getConfig } from "@/lib/config";
import { getDownloadUrl } from "@/lib/delivery/get-download-url";
import { readParams, readQuery } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";
import { requestOrigin } from "@/lib/http/request-origin";

// GET /api/v1/artifacts/{id}/url?version=N|alias=NAME&expiresIn=S&download=1 – {url, expiresAt}: the bytes
// without credentials until expiresAt (a presigned S3 URL when the bytes are in S3)
export const GET = apiRoute<{ id: string }>(async ({ req, db, principal, params }) => {
  const { id } = readParams(params, getDownloadUrlOp);
  const { query } = readQuery(new URL(req.url), getDownloadUrlOp);
  const config = getConfig();
  const result = await getDownloadUrl(db, principal, id, {
    version: versionRef(query),
    expiresIn: query.expiresIn === undefined ? undefined : Number(query.expiresIn),
    forceDownload: query.download === "1",
    maxSeconds: config.presignedUrlSeconds,
    baseUrl: requestOrigin(req.headers, config.publicUrl),
  });
  return json(result);
});
