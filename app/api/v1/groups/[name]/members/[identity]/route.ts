import { removeGroupMember } from "@/lib/admin/groups";
import { adminRoute } from "@/lib/http/route-handler";

// DELETE /api/v1/groups/{name}/members/{identity} – remove a member (admin)
export const DELETE = adminRoute<{ name: string; identity: string }>(async ({ db, principal, params }) => {
  await removeGroupMember(db, principal, params.name, params.identity);
  return new Response(null, { status: 204 });
});
