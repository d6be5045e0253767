import { authenticateApiKey } from "@/lib/access/authenticate-api-key";
import { json, publicRoute } from "@/lib/http/route-handler";
import { serveMcpRequest } from "@/lib/mcp/serve-mcp-request";
import { noteIdentity } from "@/lib/observability/request-context";

// Only an API key authenticates MCP, never the dashboard's cookie: MCP clients send
// `Authorization: Bearer`, and a cookie would let any page the user visits call tools as them.
async function authenticate(db: Parameters<typeof authenticateApiKey>[0], req: Request) {
  const principal = await authenticateApiKey(db, req.headers.get("authorization"));
  noteIdentity(principal.name);
  return principal;
}

// POST /api/mcp – the remote MCP server (Streamable HTTP, stateless): one JSON-RPC message or batch, answered as JSON
export const POST = publicRoute(async ({ req, db }) => serveMcpRequest(db, await authenticate(db, req), req));

// GET, DELETE /api/mcp – 405: a stateless server has no event stream to open and no session to end
const notAllowed = publicRoute(async ({ req, db }) => {
  await authenticate(db, req);
  const error = { code: -32000, message: "Method not allowed: this MCP server is stateless; POST JSON-RPC messages to it" };
  return json({ jsonrpc: "2.0", error, id: null }, { status: 405, headers: { Allow: "POST" } });
});
export const GET = notAllowed;
export const DELETE = notAllowed;
