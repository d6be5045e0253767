import { z } from "zod";
import { apiRoute, json } from "@/lib/http/route-handler";
import { readJsonBody } from "@/lib/http/read-json-body";
import { listArtifactShares } from "@/lib/sharing/list-artifact-shares";
import { shareArtifact } from "@/lib/sharing/share-artifact";

const ZShareTarget = z.strictObject({
  identity: z.string().min(1).max(200).optional(),
  group: z.string().min(1).max(200).optional(),
});

type P = { id: string };

// GET /api/v1/artifacts/{id}/shares – who the artifact is shared with (write access)
export const GET = apiRoute<P>(async ({ db, principal, params }) => json({ shares: await listArtifactShares(db, principal, params.id) }));

// POST /api/v1/artifacts/{id}/shares – let an identity or a group read it: 201, or 200 when already shared
export const POST = apiRoute<P>(async ({ req, db, principal, params }) => {
  const target = await readJsonBody(req, ZShareTarget);
  const { share, created } = await shareArtifact(db, principal, params.id, target);
  return json({ share }, { status: created ? 201 : 200 });
});
