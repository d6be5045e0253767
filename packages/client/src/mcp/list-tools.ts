import { z } from "zod";
import { artifactSummary, fitLines, json, result, utf8Length, versionSummary } from "./format.js";
import { cursorField, defineTool, limitField, optional, refShape, resolveId } from "./tool-kit.js";

/**
 * A page as JSON, cut to the result cap: cursors are the server's and cannot start mid-page, so
 * a cut page says to ask again with a smaller limit (no item is skipped that way).
 */
function page(key: string, all: Record<string, unknown>[], nextCursor: string | null, maxBytes: number, again: string) {
  // An entry too large on its own is its metadata: shown without it (artifact_read metadataOnly has it).
  const items = all.map((item) =>
    utf8Length(JSON.stringify(item)) > maxBytes - 200
      ? { ...item, metadata: "[larger than the result cap: read it with artifact_read metadataOnly]" }
      : item,
  );
  const lines = items.map((item) => JSON.stringify(item));
  const { count } = fitLines(lines, maxBytes - 200);
  const shown = items.slice(0, count);
  if (count < items.length) {
    return result(
      [json({ [key]: shown, nextCursor: null })],
      `Cut to ${count} of this page's ${items.length} by the result cap: call ${again} again with limit=${count} (and the same cursor) to page through without gaps.`,
    );
  }
  const hint = nextCursor ? `More: call ${again} again with the same filters and cursor="${nextCursor}".` : undefined;
  return result([json({ [key]: shown, nextCursor })], hint);
}

export const artifactList = defineTool({
  name: "artifact_list",
  title: "List artifacts",
  description:
    "Lists the artifacts you can read, newest first, filtered by namespace, session, run, tag, name prefix and " +
    "metadata. Each entry has the id the other tools take, its latest version, type and size. Paginated: pass nextCursor as cursor.",
  shape: {
    namespace: z.string().min(1).optional().describe("Only this namespace (e.g. agent:planner); every readable one when left out."),
    sessionId: z.string().min(1).optional().describe("Only artifacts of this session."),
    runId: z.string().min(1).optional().describe("Only artifacts a version of which this run published."),
    tag: z.string().min(1).optional().describe("Only artifacts with this tag."),
    namePrefix: z.string().min(1).optional().describe("Only names starting with this (e.g. reports/)."),
    metadata: z
      .record(z.string(), z.string())
      .optional()
      .describe("Only artifacts whose latest version's metadata has these key=value pairs."),
    limit: limitField(100, 20),
    cursor: cursorField,
  },
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(a, { backend, limits }) {
    const found = await backend.list({
      ...optional({ namespace: a.namespace, sessionId: a.sessionId, runId: a.runId, tag: a.tag, name: a.namePrefix }),
      ...optional({ metadata: a.metadata, cursor: a.cursor }),
      limit: a.limit,
    });
    return page("artifacts", found.artifacts.map(artifactSummary), found.nextCursor, limits.resultMaxBytes, "artifact_list");
  },
});

export const artifactVersions = defineTool({
  name: "artifact_versions",
  title: "List an artifact's versions",
  description:
    "An artifact's version history, newest first: number, type, size, sha256, when and by whom, the run that " +
    "published it, and its metadata. Paginated: pass nextCursor as cursor.",
  shape: { ...refShape, limit: limitField(100, 20), cursor: cursorField },
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(a, { backend, limits }) {
    const id = await resolveId(backend, a);
    const found = await backend.versions(id, { limit: a.limit, ...optional({ cursor: a.cursor }) });
    return page(
      "versions",
      found.versions.map((v) => versionSummary(v)),
      found.nextCursor,
      limits.resultMaxBytes,
      "artifact_versions",
    );
  },
});
