import { completeUploadOp } from "@/lib/api-contract/uploads";
import { readParams } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";
import { completeDirectUpload } from "@/lib/uploads/complete-direct-upload";

// POST /api/v1/uploads/{id}/complete – verify the parts and publish the version
export const POST = apiRoute<{ id: string }>(async ({ db, principal, params }) => {
  const { id } = readParams(params, completeUploadOp);
  const { artifact, version, replayed, unchanged } = await completeDirectUpload(db, principal, id);
  return json(
    { artifact, version },
    {
      status: replayed || unchanged ? 200 : 201,
      headers: {
        Location: `/api/v1/artifacts/${artifact.id}/versions/${version.version}`,
        ...(unchanged ? { "Stowage-Unchanged": "true" } : {}),
      },
    },
  );
});
