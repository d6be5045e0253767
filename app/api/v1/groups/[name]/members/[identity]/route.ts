import { removeGroupMember } from "@/lib/admin/groups";
import { apiRoute } from "@/lib/http/route-handler";

// DELETE /api/v1/groups/{name}/members/{identity} – remove a member (admin)
export const DELETE = apiRoute<{ name: string; identity: string }>(async ({ db, principal, params }) => {
  await removeGroupMember(db, principal, params.name, params.identity);
  return new Response(null, { status: 204 });
});
