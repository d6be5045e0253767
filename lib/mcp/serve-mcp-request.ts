import "server-only";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { createStowageMcpServer } from "@stowage/client/mcp";
import type { TPrincipal } from "../access/principal.ts";
import { getConfig } from "../config.ts";
import type { Db } from "../db/client.ts";
import { requestOrigin } from "../http/request-origin.ts";
import { libBackend } from "./lib-backend.ts";
import { requestLineage } from "./request-lineage.ts";

/**
 * Answers one MCP Streamable HTTP POST for an authenticated caller. Stateless: a server and a
 * transport per request, no session id, JSON answers instead of an SSE stream, so any instance
 * can take any request and nothing outlives it. The tools are the client package's
 * (`@stowage/client/mcp`), the same the stdio bin serves, over the lib functions. The request's
 * X-Stowage-Run, X-Stowage-Tool and X-Stowage-Model apply to each of its tool calls.
 */
export async function serveMcpRequest(db: Db, principal: TPrincipal, req: Request): Promise<Response> {
  const config = getConfig();
  const lineage = requestLineage(req.headers, new URL(req.url));
  const backend = libBackend(db, principal, { baseUrl: requestOrigin(req.headers, config.publicUrl), lineage });
  const server = createStowageMcpServer(backend, { limits: { resultMaxBytes: config.mcpResultMaxBytes } });
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
    maxRequestBodySize: config.mcpRequestMaxBytes,
  });
  try {
    await server.connect(transport);
    const response = await transport.handleRequest(req);
    const headers = new Headers(response.headers);
    headers.set("Cache-Control", "no-store");
    // The body is complete (JSON mode): it can be read before the server closes.
    const body = response.body ? await response.arrayBuffer() : null;
    return new Response(body, { status: response.status, headers });
  } finally {
    await server.close();
  }
}
