import { z } from "zod";
import { completeSetup } from "@/lib/auth/complete-setup";
import { json, publicRoute } from "@/lib/http/route-handler";
import { readJsonBody } from "@/lib/http/read-json-body";

const ZSetup = z.strictObject({
  adminKey: z.string().min(1).max(200),
  email: z.string().trim().email(),
  password: z.string().max(256),
});

// POST /api/v1/setup – first run: an admin API key gives its admin a dashboard email and password
export const POST = publicRoute(async ({ req, db }) => {
  const input = await readJsonBody(req, ZSetup);
  return json(await completeSetup(db, input), { status: 201 });
});
