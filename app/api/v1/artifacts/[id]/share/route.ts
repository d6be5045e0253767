import { versionRef } from "@/lib/aliases/version-ref";
import { createShareLinkOp } from "@/lib/api-contract/sharing";
import { getConfig } from "@/lib/config";
import { readBody, readParams } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";
import { requestOrigin } from "@/lib/http/request-origin";
import { createShareLink } from "@/lib/sharing/share-links";

// POST /api/v1/artifacts/{id}/share – a time-limited, revocable link to one version that needs no key
export const POST = apiRoute<{ id: string }>(async ({ req, db, principal, params }) => {
  const { id } = readParams(params, createShareLinkOp);
  const body = await readBody(req, createShareLinkOp);
  const config = getConfig();
  const link = await createShareLink(db, principal, id, {
    expiresIn: body?.expiresIn,
    version: versionRef(body ?? {}),
    maxSeconds: config.shareUrlMaxSeconds,
    baseUrl: requestOrigin(req.headers, config.publicUrl),
  });
  return json(link, { status: 201 });
});
