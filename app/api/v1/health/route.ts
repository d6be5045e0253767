import { json } from "@/lib/http/route-handler";
import { getServiceStatus } from "@/lib/service-status";

export const dynamic = "force-dynamic";

// GET /api/v1/health – liveness and database reachability, no credentials
export async function GET() {
  const status = await getServiceStatus();
  return status.up ? json({ status: "ok" }) : json({ status: "degraded", database: "unreachable" }, { status: 503 });
}
