import { z } from "zod";
import { getSessionArtifacts } from "@/lib/artifacts/run-and-session-views";
import { validationFailed } from "@/lib/errors";
import { apiRoute, json } from "@/lib/http/route-handler";
import { readSearchParams } from "@/lib/http/search-params";
import { parseLimit } from "@/lib/pagination";

const ZQuery = z.strictObject({ namespace: z.string().optional(), limit: z.string().optional(), cursor: z.string().optional() });

// GET /api/v1/sessions/{sessionId}/artifacts?namespace= – the session's roll-up over all its runs
export const GET = apiRoute<{ sessionId: string }>(async ({ req, db, principal, params }) => {
  const { query } = readSearchParams(new URL(req.url), ZQuery);
  if (!query.namespace) throw validationFailed("namespace is required", { field: "namespace" });
  return json(
    await getSessionArtifacts(db, principal, query.namespace, params.sessionId, { limit: parseLimit(query.limit), cursor: query.cursor }),
  );
});
