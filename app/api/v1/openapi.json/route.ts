import { openApiDocument } from "@/lib/api-contract/openapi-document";
import { json } from "@/lib/http/route-handler";

// GET /api/v1/openapi.json – the OpenAPI 3.1 document of /api/v1, generated from lib/api-contract; no credentials
export async function GET() {
  return json(openApiDocument());
}
