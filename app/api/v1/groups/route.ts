import { createGroupOp } from "@/lib/api-contract/admin";
import { createGroup, listGroups } from "@/lib/admin/groups";
import { readBody } from "@/lib/http/contract-input";
import { adminRoute, json } from "@/lib/http/route-handler";

// GET /api/v1/groups – groups and their members (admin)
export const GET = adminRoute(async ({ db, principal }) => json({ groups: await listGroups(db, principal) }));

// POST /api/v1/groups – create a group; its members share ring:<name> (admin)
export const POST = adminRoute(async ({ req, db, principal }) => {
  const body = await readBody(req, createGroupOp);
  return json({ group: await createGroup(db, principal, body.name) }, { status: 201 });
});
