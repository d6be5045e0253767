import { z } from "zod";
import { parseVersionNumber } from "@/lib/artifacts/artifact-fields";
import { getConfig } from "@/lib/config";
import { getDownloadUrl } from "@/lib/delivery/get-download-url";
import { apiRoute, json } from "@/lib/http/route-handler";
import { requestOrigin } from "@/lib/http/request-origin";
import { readSearchParams } from "@/lib/http/search-params";

const ZUrlQuery = z.strictObject({
  version: z.string().optional(),
  expiresIn: z
    .string()
    .regex(/^\d{1,9}$/, "expiresIn must be a number of seconds")
    .optional(),
  download: z.enum(["0", "1"]).optional(),
});

// GET /api/v1/artifacts/{id}/url?version=N&expiresIn=S&download=1 – {url, expiresAt}: the bytes
// without credentials until expiresAt (a presigned S3 URL when the bytes are in S3)
export const GET = apiRoute<{ id: string }>(async ({ req, db, principal, params }) => {
  const { query } = readSearchParams(new URL(req.url), ZUrlQuery);
  const config = getConfig();
  const result = await getDownloadUrl(db, principal, params.id, {
    version: parseVersionNumber(query.version),
    expiresIn: query.expiresIn === undefined ? undefined : Number(query.expiresIn),
    forceDownload: query.download === "1",
    maxSeconds: config.presignedUrlSeconds,
    baseUrl: requestOrigin(req.headers, config.publicUrl),
  });
  return json(result);
});
