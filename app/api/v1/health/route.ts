import { getDb } from "@/lib/db/client";
import { json } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

// GET /api/v1/health – liveness and database reachability, no credentials
export async function GET() {
  try {
    await getDb().setting.count();
    return json({ status: "ok" });
  } catch {
    return json({ status: "degraded", database: "unreachable" }, { status: 503 });
  }
}
