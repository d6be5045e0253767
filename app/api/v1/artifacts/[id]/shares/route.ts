import { listArtifactSharesOp, shareArtifactOp } from "@/lib/api-contract/sharing";
import { readBody, readParams } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";
import { listArtifactShares } from "@/lib/sharing/list-artifact-shares";
import { shareArtifact } from "@/lib/sharing/share-artifact";

type P = { id: string };

// GET /api/v1/artifacts/{id}/shares – who the artifact is shared with (write access)
export const GET = apiRoute<P>(async ({ db, principal, params }) => {
  const { id } = readParams(params, listArtifactSharesOp);
  return json({ shares: await listArtifactShares(db, principal, id) });
});

// POST /api/v1/artifacts/{id}/shares – let an identity or a group read it: 201, or 200 when already shared
export const POST = apiRoute<P>(async ({ req, db, principal, params }) => {
  const { id } = readParams(params, shareArtifactOp);
  const target = await readBody(req, shareArtifactOp);
  const { share, created } = await shareArtifact(db, principal, id, target);
  return json({ share }, { status: created ? 201 : 200 });
});
