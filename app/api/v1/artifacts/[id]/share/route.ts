import { getConfig } from "@/lib/config";
import { apiRoute, json } from "@/lib/http/route-handler";
import { readJsonBody } from "@/lib/http/read-json-body";
import { requestOrigin } from "@/lib/http/request-origin";
import { createShareLink } from "@/lib/sharing/share-links";
import { ZShareRequest } from "../../schemas";

// POST /api/v1/artifacts/{id}/share – a time-limited, revocable link to one version that needs no key
export const POST = apiRoute<{ id: string }>(async ({ req, db, principal, params }) => {
  const body = await readJsonBody(req, ZShareRequest, { optional: true });
  const config = getConfig();
  const link = await createShareLink(db, principal, params.id, {
    ...body,
    maxSeconds: config.shareUrlMaxSeconds,
    baseUrl: requestOrigin(req.headers, config.publicUrl),
  });
  return json(link, { status: 201 });
});
