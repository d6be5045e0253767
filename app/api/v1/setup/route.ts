import { completeSetupOp } from "@/lib/api-contract/service";
import { completeSetup } from "@/lib/auth/complete-setup";
import { readBody } from "@/lib/http/contract-input";
import { json, publicRoute } from "@/lib/http/route-handler";

// POST /api/v1/setup – first run: an admin API key gives its admin a dashboard email and password
export const POST = publicRoute(async ({ req, db }) => {
  const input = await readBody(req, completeSetupOp);
  return json(await completeSetup(db, input), { status: 201 });
});
