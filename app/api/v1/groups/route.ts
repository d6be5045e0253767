import { z } from "zod";
import { createGroup, listGroups } from "@/lib/admin/groups";
import { adminRoute, json } from "@/lib/http/route-handler";
import { readJsonBody } from "@/lib/http/read-json-body";

const ZCreateGroup = z.strictObject({ name: z.string().min(1).max(63) });

// GET /api/v1/groups – groups and their members (admin)
export const GET = adminRoute(async ({ db, principal }) => json({ groups: await listGroups(db, principal) }));

// POST /api/v1/groups – create a group; its members share ring:<name> (admin)
export const POST = adminRoute(async ({ req, db, principal }) => {
  const body = await readJsonBody(req, ZCreateGroup);
  return json({ group: await createGroup(db, principal, body.name) }, { status: 201 });
});
