import { z } from "zod";
import { createIdentity, listIdentities } from "@/lib/admin/identities";
import { adminRoute, json } from "@/lib/http/route-handler";
import { readJsonBody } from "@/lib/http/read-json-body";

const ZCreateIdentity = z.strictObject({
  name: z.string().min(1).max(63),
  kind: z.enum(["agent", "human"]).optional(),
  isAdmin: z.boolean().optional(),
  email: z.email().optional(),
  /** Dashboard sign-in (with email); hashed, never stored or returned. */
  password: z.string().max(256).optional(),
});

// GET /api/v1/identities – every identity (admin)
export const GET = adminRoute(async ({ db, principal }) => json({ identities: await listIdentities(db, principal) }));

// POST /api/v1/identities – create an identity with its agent:<name> namespace, optionally with dashboard sign-in (admin)
export const POST = adminRoute(async ({ req, db, principal }) => {
  const body = await readJsonBody(req, ZCreateIdentity);
  return json({ identity: await createIdentity(db, principal, body) }, { status: 201 });
});
