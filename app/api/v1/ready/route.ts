import { json } from "@/lib/http/route-handler";
import { checkReadiness } from "@/lib/readiness";

export const dynamic = "force-dynamic";

// GET /api/v1/ready – readiness: the database and the write blob store answer in time; no credentials
export async function GET() {
  const { ready, checks } = await checkReadiness();
  return json({ status: ready ? "ready" : "not_ready", checks }, { status: ready ? 200 : 503 });
}
