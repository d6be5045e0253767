import { grepSessionOp } from "@/lib/api-contract/reads";
import { readParams, readQuery } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";
import { grepSession } from "@/lib/reads/grep-session";

// GET /api/v1/sessions/{sessionId}/grep?namespace=&pattern=&context=&max=&ignoreCase= – a pattern over a session's artifacts
export const GET = apiRoute<{ sessionId: string }>(async ({ req, db, principal, params }) => {
  const { sessionId } = readParams(params, grepSessionOp);
  const { query } = readQuery(new URL(req.url), grepSessionOp);
  const ignoreCase = query.ignoreCase === "1" || query.ignoreCase === "true";
  return json(await grepSession(db, principal, { ...query, sessionId, ignoreCase }));
});
