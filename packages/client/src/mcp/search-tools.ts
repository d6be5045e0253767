import { z } from "zod";
import type { GrepMatch } from "./backend.js";
import { fitLines, result, text } from "./format.js";
import { aliasField, defineTool, optional, readRunField, refShape, resolveId, versionField, versionRefOf } from "./tool-kit.js";

/** grep's own layout: `12:match`, `11-context`, `--` between groups. */
function block(m: GrepMatch): string {
  const line = (l: { line: number; text: string }, mark: string) => `${l.line}${mark}${l.text}`;
  return [...m.before.map((l) => line(l, "-")), line(m, ":"), ...m.after.map((l) => line(l, "-"))].join("\n");
}

const STOPPED: Record<string, string> = {
  max: "Stopped at max matches: raise max (up to 500) or narrow the pattern.",
  deadline: "The search stopped at its time limit: narrow it (one artifact, a version, a tighter pattern).",
  artifacts: "Only the session's newest artifacts were searched: grep the others one by one.",
};

export const artifactGrep = defineTool({
  name: "artifact_grep",
  title: "Search artifacts' text",
  description:
    "Searches text with a regular expression (RE2 syntax: no backreferences or lookaround) and answers matching lines " +
    "with their line numbers (`12:line`, context lines as `11-line`). Either one artifact (id, or namespace + name; " +
    "version or alias for another), or every artifact of a session (namespace + sessionId, no id or name: their latest versions). " +
    "Bounded by max and the result cap; read around a match with artifact_read offset=<line>.",
  shape: {
    ...refShape,
    pattern: z.string().min(1).describe("The regular expression (RE2)."),
    version: versionField,
    alias: aliasField,
    context: z.number().int().min(0).max(20).optional().describe("Lines of context before and after each match (default 0)."),
    max: z.number().int().min(1).max(500).optional().describe("Most matches to return (default 50)."),
    ignoreCase: z.boolean().optional().describe("Match case-insensitively."),
    runId: readRunField.describe(
      "The run doing this read, recorded as its input (one artifact; a whole session's search is not recorded). Default: the run this server was configured with, if any.",
    ),
  },
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(a, { backend, limits }) {
    const options = { pattern: a.pattern, ...optional({ context: a.context, max: a.max, ignoreCase: a.ignoreCase }) };
    let blocks: string[];
    let lead: string;
    let stoppedBy: string | null;
    const ref = versionRefOf(a);
    if (!a.id && !a.name && a.namespace && a.sessionId) {
      const found = await backend.grepSession({ ...options, namespace: a.namespace, sessionId: a.sessionId });
      let previous = "";
      blocks = found.matches.map((m) => {
        const heading = `== ${m.name} v${m.version} (${m.artifactId}) ==`;
        const shown = heading === previous ? block(m) : `${heading}\n${block(m)}`;
        previous = heading;
        return shown;
      });
      lead = `${found.matches.length} match(es) in session ${a.sessionId} of ${a.namespace}: ${found.searched} artifact(s) searched, ${found.skipped} not text.`;
      stoppedBy = found.stoppedBy;
    } else {
      const id = await resolveId(backend, a);
      const found = await backend.grep(id, { ...options, ...optional({ version: ref, runId: a.runId }) });
      blocks = found.matches.map(block);
      lead = `${found.matches.length} match(es) in artifact ${id} v${found.version}.`;
      stoppedBy = found.stoppedBy;
    }
    if (blocks.length === 0) return result([text("no matches")], lead);
    const separator = (a.context ?? 0) > 0 ? "\n--" : "";
    const { text: body, count } = fitLines(
      blocks.map((b, i) => (i < blocks.length - 1 ? b + separator : b)),
      limits.resultMaxBytes - 400,
    );
    const notes = [lead];
    if (count < blocks.length) notes.push(`Showing the first ${count} by the result cap: lower context or max, or narrow the pattern.`);
    if (stoppedBy && STOPPED[stoppedBy]) notes.push(STOPPED[stoppedBy]!);
    return result([text(body)], notes.join(" "));
  },
});

export const artifactDiff = defineTool({
  name: "artifact_diff",
  title: "Compare two versions",
  description:
    "A unified diff (3 lines of context) between two versions of a text artifact: from (default: the newest existing version before to) " +
    "and to (default: the latest), or fromAlias / toAlias for the versions aliases point to (e.g. production against the latest). Long diffs come in pieces: offset is the first line of the diff to show.",
  shape: {
    ...refShape,
    from: z.number().int().min(0).optional().describe("The older version (default: the newest existing one before to)."),
    to: z.number().int().min(0).optional().describe("The newer version (default: the latest)."),
    fromAlias: z.string().min(1).optional().describe("Instead of from: an alias (e.g. production) for the older version."),
    toAlias: z.string().min(1).optional().describe("Instead of to: an alias for the newer version."),
    offset: z.number().int().min(1).optional().describe("First line of the diff output to show, 1-based (default 1)."),
    runId: readRunField,
  },
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(a, { backend, limits }) {
    const from = versionRefOf({ version: a.from, alias: a.fromAlias }, "fromAlias");
    const to = versionRefOf({ version: a.to, alias: a.toAlias }, "toAlias");
    const id = await resolveId(backend, a);
    const found = await backend.diff(id, optional({ from, to, runId: a.runId }));
    const versions = `v${found.from ?? "none"} → v${found.to}`;
    if (found.diff === "") return result([text(`no differences (${versions})`)]);
    const all = found.diff.replace(/\n$/, "").split("\n");
    const first = a.offset ?? 1;
    if (first > all.length) return result([text("(no diff lines at this offset)")], `The diff of ${versions} has ${all.length} lines.`);
    const { text: body, count } = fitLines(all.slice(first - 1), limits.resultMaxBytes - 400);
    const last = first + count - 1;
    const notes = [`Diff ${versions} of artifact ${id}: +${found.added} −${found.removed}; lines ${first}–${last} of ${all.length}.`];
    if (last < all.length) notes.push(`Continue with offset=${last + 1}.`);
    if (found.truncated) notes.push("The server cut this diff at its size limit: compare parts with artifact_read instead.");
    return result([text(body)], notes.join(" "));
  },
});
