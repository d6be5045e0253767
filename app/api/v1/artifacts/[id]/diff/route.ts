import { diffArtifactVersionsOp } from "@/lib/api-contract/reads";
import { readParams, readQuery } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";
import { runIdOf } from "@/lib/lineage/record-run-read";
import { diffVersions } from "@/lib/reads/diff-versions";

// GET /api/v1/artifacts/{id}/diff?from=&to= – two versions as a unified diff
export const GET = apiRoute<{ id: string }>(async ({ req, db, principal, params }) => {
  const { id } = readParams(params, diffArtifactVersionsOp);
  const url = new URL(req.url);
  const { query } = readQuery(url, diffArtifactVersionsOp);
  const runId = runIdOf(req.headers, url);
  return json(await diffVersions(db, principal, id, { ...query, runId }));
});
