import { versionRef } from "@/lib/aliases/version-ref";
import { grepArtifactOp } from "@/lib/api-contract/reads";
import { readParams, readQuery } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";
import { runIdOf } from "@/lib/lineage/record-run-read";
import { grepArtifact } from "@/lib/reads/grep-artifact";

// GET /api/v1/artifacts/{id}/grep?pattern=&version=|alias=&context=&max=&ignoreCase= – matching lines with context
export const GET = apiRoute<{ id: string }>(async ({ req, db, principal, params }) => {
  const { id } = readParams(params, grepArtifactOp);
  const url = new URL(req.url);
  const { query } = readQuery(url, grepArtifactOp);
  const runId = runIdOf(req.headers, url);
  return json(
    await grepArtifact(db, principal, id, {
      ...query,
      version: versionRef(query),
      runId,
      ignoreCase: query.ignoreCase === "1" || query.ignoreCase === "true",
    }),
  );
});
