import { addGroupMemberOp } from "@/lib/api-contract/admin";
import { addGroupMember } from "@/lib/admin/groups";
import { readBody, readParams } from "@/lib/http/contract-input";
import { adminRoute } from "@/lib/http/route-handler";

// POST /api/v1/groups/{name}/members – add an identity to the group (admin)
export const POST = adminRoute<{ name: string }>(async ({ req, db, principal, params }) => {
  const { name } = readParams(params, addGroupMemberOp);
  const body = await readBody(req, addGroupMemberOp);
  await addGroupMember(db, principal, name, body.identity);
  return new Response(null, { status: 204 });
});
