import { z } from "zod";
import { addGroupMember } from "@/lib/admin/groups";
import { adminRoute } from "@/lib/http/route-handler";
import { readJsonBody } from "@/lib/http/read-json-body";

const ZAddMember = z.strictObject({ identity: z.string().min(1) });

// POST /api/v1/groups/{name}/members – add an identity to the group (admin)
export const POST = adminRoute<{ name: string }>(async ({ req, db, principal, params }) => {
  const body = await readJsonBody(req, ZAddMember);
  await addGroupMember(db, principal, params.name, body.identity);
  return new Response(null, { status: 204 });
});
