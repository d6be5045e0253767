import { versionRef } from "@/lib/aliases/version-ref";
import { diffArtifactVersionsOp } from "@/lib/api-contract/reads";
import { readParams, readQuery } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";
import { runIdOf } from "@/lib/lineage/record-run-read";
import { diffVersions } from "@/lib/reads/diff-versions";

// GET /api/v1/artifacts/{id}/diff?from=|fromAlias=&to=|toAlias= – two versions as a unified diff
export const GET = apiRoute<{ id: string }>(async ({ req, db, principal, params }) => {
  const { id } = readParams(params, diffArtifactVersionsOp);
  const url = new URL(req.url);
  const { query } = readQuery(url, diffArtifactVersionsOp);
  const runId = runIdOf(req.headers, url);
  const from = versionRef({ version: query.from, alias: query.fromAlias });
  const to = versionRef({ version: query.to, alias: query.toAlias });
  return json(await diffVersions(db, principal, id, { from, to, runId }));
});
