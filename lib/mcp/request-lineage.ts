import "server-only";
import { parseProducerName } from "../lineage/lineage-fields.ts";
import { runIdOf } from "../lineage/record-run-read.ts";

/** The run, tool and model one /api/mcp request works for: every tool call of it is recorded with them. */
export type TRequestLineage = { runId?: string; tool?: string; model?: string };

/**
 * What an MCP request names in X-Stowage-Run (or `?runId=` on the MCP URL, for clients that can
 * set only a URL), X-Stowage-Tool and X-Stowage-Model, checked by the rules the HTTP API checks
 * them by, so a bad one is ARTIFACT_VALIDATION_FAILED before any tool runs.
 */
export function requestLineage(headers: Headers, url: URL): TRequestLineage {
  const runId = runIdOf(headers, url);
  const tool = headers.get("x-stowage-tool");
  const model = headers.get("x-stowage-model");
  return {
    ...(runId === undefined ? {} : { runId }),
    ...(tool === null ? {} : { tool: parseProducerName(tool, "tool") }),
    ...(model === null ? {} : { model: parseProducerName(model, "model") }),
  };
}
