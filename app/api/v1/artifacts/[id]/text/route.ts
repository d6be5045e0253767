import { versionRef } from "@/lib/aliases/version-ref";
import { readArtifactTextOp } from "@/lib/api-contract/reads";
import { readParams, readQuery } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";
import { runIdOf } from "@/lib/lineage/record-run-read";
import { readText } from "@/lib/reads/read-text";

// GET /api/v1/artifacts/{id}/text?version=|alias=&offset=&limit=&tail= – numbered lines of a version's text
export const GET = apiRoute<{ id: string }>(async ({ req, db, principal, params }) => {
  const { id } = readParams(params, readArtifactTextOp);
  const url = new URL(req.url);
  const { query } = readQuery(url, readArtifactTextOp);
  const runId = runIdOf(req.headers, url);
  return json(await readText(db, principal, id, { ...query, version: versionRef(query), runId }));
});
