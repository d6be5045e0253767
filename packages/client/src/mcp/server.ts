import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  type CallToolResult,
} from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { LocalFiles, McpBackend } from "./backend.js";
import { errorResult } from "./format.js";
import { DEFAULT_LIMITS, type McpLimits } from "./limits.js";
import { listResources, readResource, RESOURCE_TEMPLATES } from "./resources.js";
import { describeFailure, describeZodError, type ToolContext } from "./tool-kit.js";
import { TOOLS } from "./tools.js";

export type StowageMcpOptions = {
  /** The stdio server's access to local files: adds `path` to artifact_upload and `saveTo` to artifact_read. */
  files?: LocalFiles;
  limits?: McpLimits;
  version?: string;
};

const INSTRUCTIONS =
  "Stowage keeps versioned artifacts (files, reports, notes, datasets) for agents. An artifact is unique by " +
  "namespace + session + name; uploading the same again makes its next version, and every version stays readable. " +
  "Your own namespace is agent:<your identity>. Find artifacts with artifact_list, read text in numbered pages with " +
  "artifact_read, search with artifact_grep, compare versions with artifact_diff, add to logs with artifact_append. " +
  "Name the version others should use with artifact_alias (production, best) and read it with alias instead of version. " +
  "Results are capped in size; a cut result ends with the exact arguments to continue.";

/** The tools with their input schema for this server: local-only fields only where there are local files. */
function toolsFor(local: boolean) {
  return TOOLS.map((tool) => {
    const shape = Object.fromEntries(Object.entries(tool.shape).filter(([key]) => local || !tool.localOnly?.includes(key)));
    const schema = z.strictObject(shape);
    const { $schema: _, ...inputSchema } = z.toJSONSchema(schema, { io: "input" }) as Record<string, unknown>;
    return { tool, schema, inputSchema };
  });
}

/**
 * The Stowage MCP server over any transport: the ten artifact tools and each artifact as a
 * resource, all through `backend`. The stdio bin and the remote /api/mcp build theirs with this.
 */
export function createStowageMcpServer(backend: McpBackend, options: StowageMcpOptions = {}): Server {
  const ctx: ToolContext = { backend, files: options.files, limits: options.limits ?? DEFAULT_LIMITS };
  const tools = toolsFor(options.files !== undefined);
  const byName = new Map(tools.map((t) => [t.tool.name, t]));
  const server = new Server(
    { name: "stowage", title: "Stowage", version: options.version ?? "0.1.0" },
    { capabilities: { tools: {}, resources: {} }, instructions: INSTRUCTIONS },
  );

  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: tools.map(({ tool, inputSchema }) => ({
      name: tool.name,
      title: tool.title,
      description: tool.description(ctx.files !== undefined),
      inputSchema: inputSchema as CallToolResult["structuredContent"] & { type: "object" },
      annotations: { title: tool.title, ...tool.annotations },
    })),
  }));

  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<CallToolResult> => {
    const found = byName.get(request.params.name);
    if (!found) throw new McpError(ErrorCode.InvalidParams, `unknown tool ${request.params.name}`);
    const parsed = found.schema.safeParse(request.params.arguments ?? {});
    if (!parsed.success) return errorResult(describeZodError(parsed.error)) as CallToolResult;
    try {
      return (await found.tool.run(parsed.data, ctx)) as CallToolResult;
    } catch (error) {
      return errorResult(describeFailure(error, backend)) as CallToolResult;
    }
  });

  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({ resourceTemplates: RESOURCE_TEMPLATES }));
  server.setRequestHandler(ListResourcesRequestSchema, (request) =>
    asResourceError(backend, () => listResources(ctx, request.params?.cursor)),
  );
  server.setRequestHandler(ReadResourceRequestSchema, (request) => asResourceError(backend, () => readResource(ctx, request.params.uri)));
  return server;
}

/** Resource requests fail as JSON-RPC errors: "CODE: message", with Stowage's code in `data`. */
async function asResourceError<T>(backend: McpBackend, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof McpError) throw error;
    const { code, message, details } = describeFailure(error, backend);
    const rpcCode = code === "ARTIFACT_NOT_FOUND" ? -32002 : code === "INTERNAL_ERROR" ? ErrorCode.InternalError : ErrorCode.InvalidParams;
    throw new McpError(rpcCode, `${code}: ${message}`, { code, ...details });
  }
}
