import { removeGroupMemberOp } from "@/lib/api-contract/admin";
import { removeGroupMember } from "@/lib/admin/groups";
import { readParams } from "@/lib/http/contract-input";
import { adminRoute } from "@/lib/http/route-handler";

// DELETE /api/v1/groups/{name}/members/{identity} – remove a member (admin)
export const DELETE = adminRoute<{ name: string; identity: string }>(async ({ db, principal, params }) => {
  const { name, identity } = readParams(params, removeGroupMemberOp);
  await removeGroupMember(db, principal, name, identity);
  return new Response(null, { status: 204 });
});
