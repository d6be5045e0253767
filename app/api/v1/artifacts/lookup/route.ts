import { lookupArtifactOp } from "@/lib/api-contract/artifacts";
import { lookupArtifact } from "@/lib/artifacts/lookup-artifact";
import { readQuery } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";

// GET /api/v1/artifacts/lookup?namespace=&name=&sessionId= – one artifact by its exact name
export const GET = apiRoute(async ({ req, db, principal }) => {
  const { query } = readQuery(new URL(req.url), lookupArtifactOp);
  return json({ artifact: await lookupArtifact(db, principal, query) });
});
