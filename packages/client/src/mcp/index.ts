// @stowage/client/mcp: the MCP tools and resources, defined once for the stdio bin and the server's /api/mcp.
export { createStowageMcpServer } from "./server.js";
export type { StowageMcpOptions } from "./server.js";
export { DEFAULT_LIMITS, DEFAULT_RESULT_MAX_KB, limitsFromKb } from "./limits.js";
export type { McpLimits } from "./limits.js";
export { TOOLS } from "./tools.js";
export type { ToolDefinition } from "./tool-kit.js";
export type {
  Alias,
  DiffResult,
  ErrorDescription,
  GrepMatch,
  GrepRequest,
  GrepResult,
  ListRequest,
  LocalFiles,
  McpBackend,
  PublishRequest,
  ReadRun,
  SessionGrepResult,
  SetAliasResult,
  TextLine,
  TextPage,
  TextRequest,
  VersionRef,
} from "./backend.js";
