import { z } from "zod";
import { updateIdentity } from "@/lib/admin/update-identity";
import { adminRoute, json } from "@/lib/http/route-handler";
import { readJsonBody } from "@/lib/http/read-json-body";

const ZUpdateIdentity = z.strictObject({
  email: z.email().optional(),
  /** Sets or resets dashboard sign-in; hashed, never stored or returned. */
  password: z.string().max(256).optional(),
  isAdmin: z.boolean().optional(),
  disabled: z.boolean().optional(),
});

// PATCH /api/v1/identities/{name} {email?, password?, isAdmin?, disabled?} – change an identity (admin; not your own admin flag or enabled state)
export const PATCH = adminRoute<{ name: string }>(async ({ req, db, principal, params }) => {
  const body = await readJsonBody(req, ZUpdateIdentity);
  return json({ identity: await updateIdentity(db, principal, params.name, body) });
});
