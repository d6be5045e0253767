import { z } from "zod";
import { getRunArtifacts } from "@/lib/artifacts/run-and-session-views";
import { validationFailed } from "@/lib/errors";
import { apiRoute, json } from "@/lib/http/route-handler";
import { readSearchParams } from "@/lib/http/search-params";
import { parseLimit } from "@/lib/pagination";

const ZQuery = z.strictObject({ namespace: z.string().optional(), limit: z.string().optional(), cursor: z.string().optional() });

// GET /api/v1/runs/{runId}/artifacts?namespace= – what the run published
export const GET = apiRoute<{ runId: string }>(async ({ req, db, principal, params }) => {
  const { query } = readSearchParams(new URL(req.url), ZQuery);
  if (!query.namespace) throw validationFailed("namespace is required", { field: "namespace" });
  return json(
    await getRunArtifacts(db, principal, query.namespace, params.runId, { limit: parseLimit(query.limit), cursor: query.cursor }),
  );
});
