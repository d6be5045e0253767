import { z } from "zod";
import { READ_LIMITS } from "../reads/limits.ts";
import { operation } from "./operation.ts";
import { ZIdParams, ZVersionNumber } from "./common.ts";
import { ZAliasQuery } from "./aliases.ts";
import { ZPublished } from "./artifacts.ts";

const TAG = "Reads";

/** A whole number in the query, within bounds (as a string in the URL). */
const ZCount = (min: number, max: number, description: string) =>
  z
    .string()
    .regex(/^\d{1,9}$/, "must be a whole number")
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be ${min} to ${max}`)
    .optional()
    .meta({ description });

/** The reading run, as the content route takes it: recorded among that run's inputs. */
const ZReadingRun = z
  .string()
  .min(1)
  .max(255)
  .optional()
  .meta({ description: "The reading run (as the X-Stowage-Run header): the version read is recorded as one of its inputs." });

const ZFlag = z.enum(["0", "1", "true", "false"]).optional().meta({ description: "1 (or true): match regardless of case." });

const ZTextLine = z
  .strictObject({
    line: z.number().int().meta({ description: "1-based line number." }),
    text: z
      .string()
      .meta({ description: `The line without its ending; cut at ${READ_LIMITS.maxLineChars} characters with " … [line cut: N bytes]".` }),
    cut: z.literal(true).optional().meta({ description: "Present when the line was cut." }),
  })
  .meta({ id: "TextLine" });

const ZGrepMatch = z
  .strictObject({
    line: z.number().int(),
    text: z.string(),
    cut: z.literal(true).optional(),
    before: z.array(ZTextLine).meta({ description: "The `context` lines before the match." }),
    after: z.array(ZTextLine).meta({ description: "The `context` lines after the match." }),
  })
  .meta({ id: "GrepMatch" });

const ZStoppedBy = z.enum(["max", "deadline"]).nullable();

const PATTERN_DESCRIPTION =
  "An RE2 regular expression (linear time: no backreferences, no lookaround), matched against each line's first 64 KiB.";
const grepQuery = {
  pattern: z.string().min(1).max(1000).meta({ description: PATTERN_DESCRIPTION, example: "error|warn" }),
  context: ZCount(0, READ_LIMITS.maxContext, `Lines before and after each match, 0 to ${READ_LIMITS.maxContext} (default 0).`),
  max: ZCount(1, READ_LIMITS.maxMatches, `Matches at most, 1 to ${READ_LIMITS.maxMatches} (default ${READ_LIMITS.defaultMatches}).`),
  ignoreCase: ZFlag,
};

const textPageExample = {
  artifactId: "01jf3z9k2m4n6p8q0r2s4t6v8w",
  version: 3,
  mimeType: "text/markdown",
  sizeBytes: 18234,
  lines: [
    { line: 1, text: "# Plan" },
    { line: 2, text: "" },
  ],
  nextOffset: 3,
  totalLines: null,
  truncated: false,
};

export const readArtifactTextOp = operation({
  id: "readArtifactText",
  method: "GET",
  path: "/api/v1/artifacts/{id}/text",
  tag: TAG,
  summary: "A page of a version's lines, numbered, sized for a model's context",
  description: `\`limit\` lines from line \`offset\`, or the last \`tail\` lines; at most ${READ_LIMITS.maxPageChars / 1024} KiB of text per page (then \`truncated\`), continue from \`nextOffset\`. Content that is not text (a binary type, or a NUL byte in its first 8 KiB) is refused with ARTIFACT_NOT_TEXT.`,
  auth: "key",
  params: ZIdParams,
  query: z.strictObject({
    version: ZVersionNumber.optional().meta({ description: "A version number; the latest when left out." }),
    alias: ZAliasQuery,
    offset: ZCount(1, 999_999_999, "The first line to return, from 1 (default 1)."),
    limit: ZCount(1, READ_LIMITS.maxLines, `Lines at most, 1 to ${READ_LIMITS.maxLines} (default ${READ_LIMITS.defaultLines}).`),
    tail: ZCount(1, READ_LIMITS.maxLines, `The last N lines instead (1 to ${READ_LIMITS.maxLines}); not with offset.`),
    runId: ZReadingRun,
  }),
  responses: {
    200: {
      description: "The lines, and where to continue.",
      schema: z
        .strictObject({
          artifactId: z.string(),
          version: z.number().int(),
          mimeType: z.string(),
          sizeBytes: z.number().int(),
          lines: z.array(ZTextLine),
          nextOffset: z.number().int().nullable().meta({ description: "The `offset` that continues; null at the end." }),
          totalLines: z.number().int().nullable().meta({ description: "The version's number of lines, when the read reached its end." }),
          truncated: z.boolean().meta({ description: "The size cap, not `limit`, ended the page." }),
        })
        .meta({ id: "TextPage" }),
      example: textPageExample,
    },
  },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NOT_FOUND", "ARTIFACT_NOT_TEXT", "ARTIFACT_STORAGE_UNAVAILABLE"],
});

export const grepArtifactOp = operation({
  id: "grepArtifact",
  method: "GET",
  path: "/api/v1/artifacts/{id}/grep",
  tag: TAG,
  summary: "The lines of a version matching a pattern, with context",
  description: `Stops at \`max\` matches or after ${READ_LIMITS.grepDeadlineMs / 1000} s, answering what it found with \`truncated: true\` and \`stoppedBy\`.`,
  auth: "key",
  params: ZIdParams,
  query: z.strictObject({
    ...grepQuery,
    version: ZVersionNumber.optional().meta({ description: "A version number; the latest when left out." }),
    alias: ZAliasQuery,
    runId: ZReadingRun,
  }),
  responses: {
    200: {
      description: "The matches, in line order.",
      schema: z
        .strictObject({
          artifactId: z.string(),
          version: z.number().int(),
          matches: z.array(ZGrepMatch),
          truncated: z.boolean(),
          stoppedBy: ZStoppedBy.meta({ description: "max: more matches may follow; deadline: the time bound stopped the search." }),
        })
        .meta({ id: "GrepResult" }),
      example: {
        artifactId: "01jf3z9k2m4n6p8q0r2s4t6v8w",
        version: 3,
        matches: [{ line: 12, text: "error: disk full", before: [{ line: 11, text: "writing" }], after: [] }],
        truncated: false,
        stoppedBy: null,
      },
    },
  },
  errors: [
    "ARTIFACT_VALIDATION_FAILED",
    "ARTIFACT_PATTERN_INVALID",
    "ARTIFACT_NOT_FOUND",
    "ARTIFACT_NOT_TEXT",
    "ARTIFACT_STORAGE_UNAVAILABLE",
  ],
});

export const grepSessionOp = operation({
  id: "grepSession",
  method: "GET",
  path: "/api/v1/sessions/{sessionId}/grep",
  tag: TAG,
  summary: "A pattern over the latest version of every artifact of a session",
  description: `The session's roll-up (its artifacts and what its runs published), newest first, at most ${READ_LIMITS.maxSessionArtifacts} artifacts; artifacts that are not text are skipped and counted. \`max\` bounds the matches in all, and one ${READ_LIMITS.grepDeadlineMs / 1000} s deadline the whole search.`,
  auth: "key",
  params: z.strictObject({ sessionId: z.string().meta({ description: "The session id clients give." }) }),
  query: z.strictObject({
    namespace: z.string().min(1).max(1024).meta({ description: "The session's namespace." }),
    ...grepQuery,
  }),
  responses: {
    200: {
      description: "The matches, artifact by artifact.",
      schema: z
        .strictObject({
          namespace: z.string(),
          sessionId: z.string(),
          matches: z.array(
            z.strictObject({
              artifactId: z.string(),
              name: z.string(),
              version: z.number().int(),
              line: z.number().int(),
              text: z.string(),
              cut: z.literal(true).optional(),
              before: z.array(ZTextLine),
              after: z.array(ZTextLine),
            }),
          ),
          searched: z.number().int().meta({ description: "Artifacts searched." }),
          skipped: z.number().int().meta({ description: "Artifacts left out: not text, or their bytes unreadable." }),
          truncated: z.boolean(),
          stoppedBy: z
            .enum(["max", "deadline", "artifacts"])
            .nullable()
            .meta({
              description: `artifacts: the session has more than ${READ_LIMITS.maxSessionArtifacts}; only the newest were searched.`,
            }),
        })
        .meta({ id: "SessionGrepResult" }),
      example: {
        namespace: "agent:planner",
        sessionId: "s-42",
        matches: [
          { artifactId: "01jf3z9k2m4n6p8q0r2s4t6v8w", name: "notes.md", version: 2, line: 7, text: "TODO: retry", before: [], after: [] },
        ],
        searched: 5,
        skipped: 1,
        truncated: false,
        stoppedBy: null,
      },
    },
  },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_PATTERN_INVALID", "ARTIFACT_NAMESPACE_DENIED", "ARTIFACT_NOT_FOUND"],
});

export const diffArtifactVersionsOp = operation({
  id: "diffArtifactVersions",
  method: "GET",
  path: "/api/v1/artifacts/{id}/diff",
  tag: TAG,
  summary: "Two versions as a unified diff",
  description: `\`to\` defaults to the latest, \`from\` to the newest version older than \`to\` that still exists (versions can be deleted one by one; with none, \`to\` is diffed against nothing: \`from: null\`, \`--- /dev/null\`). An explicit \`from\` that does not exist is 404. The diff is byte-exact as \`diff -u\` writes it: line endings (CRLF) are kept and compared, and a last line without a newline is followed by \`\\ No newline at end of file\`, so \`patch\` reproduces \`to\` from \`from\`. Each side at most ${READ_LIMITS.maxDiffBytes / 1024 / 1024} MiB and ${READ_LIMITS.maxDiffLines} lines (else ARTIFACT_TOO_LARGE); the diff text is cut at ${READ_LIMITS.maxDiffChars / 1024 / 1024} MiB (\`truncated\`).`,
  auth: "key",
  params: ZIdParams,
  query: z.strictObject({
    from: ZVersionNumber.optional().meta({ description: "The old version; the newest existing one older than `to` when left out." }),
    to: ZVersionNumber.optional().meta({ description: "The new version; the latest when left out." }),
    fromAlias: ZAliasQuery.meta({ description: "An alias for the old version, instead of `from`." }),
    toAlias: ZAliasQuery.meta({ description: "An alias for the new version, instead of `to`." }),
    runId: ZReadingRun,
  }),
  responses: {
    200: {
      description: "The diff.",
      schema: z
        .strictObject({
          artifactId: z.string(),
          from: z.number().int().nullable(),
          to: z.number().int(),
          diff: z.string().meta({
            description: "Unified diff, 3 lines of context, as `diff -u` writes it; empty when the versions' texts are the same.",
          }),
          added: z.number().int(),
          removed: z.number().int(),
          truncated: z.boolean(),
        })
        .meta({ id: "DiffResult" }),
      example: {
        artifactId: "01jf3z9k2m4n6p8q0r2s4t6v8w",
        from: 2,
        to: 3,
        diff: "--- a/plan.md@v2\n+++ b/plan.md@v3\n@@ -1,2 +1,2 @@\n # Plan\n-draft\n+final\n",
        added: 1,
        removed: 1,
        truncated: false,
      },
    },
  },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NOT_FOUND", "ARTIFACT_NOT_TEXT", "ARTIFACT_TOO_LARGE", "ARTIFACT_STORAGE_UNAVAILABLE"],
});

export const appendArtifactOp = operation({
  id: "appendArtifact",
  method: "POST",
  path: "/api/v1/artifacts/{id}/append",
  tag: TAG,
  summary: "Publish the next version as the latest one's bytes plus the body",
  description:
    "The artifact must exist and its latest version be text. A publish in every way (quota, size limit, audit, retention); concurrent appends all land, one after another. The new version keeps the artifact's type, session and tags, without metadata.",
  auth: "key",
  params: ZIdParams,
  headers: {
    "X-Stowage-Run": "The run appending: the new version is that run's, as a publish's.",
    "X-Stowage-Tool": "The tool appending (1 to 128 characters, as a publish's `tool`).",
    "X-Stowage-Model": "The model appending (1 to 128 characters, as a publish's `model`).",
  },
  body: { raw: "The text to append, as is (add the newline yourself)." },
  responses: { 201: { description: "Appended: the new version.", schema: ZPublished, headers: { Location: "The version's URL." } } },
  errors: [
    "ARTIFACT_VALIDATION_FAILED",
    "ARTIFACT_NAMESPACE_DENIED",
    "ARTIFACT_NOT_FOUND",
    "ARTIFACT_NOT_TEXT",
    "ARTIFACT_VERSION_CONFLICT",
    "ARTIFACT_QUOTA_EXCEEDED",
    "ARTIFACT_TOO_LARGE",
    "ARTIFACT_STORAGE_UNAVAILABLE",
  ],
});

export const READ_OPERATIONS = [readArtifactTextOp, grepArtifactOp, grepSessionOp, diffArtifactVersionsOp, appendArtifactOp];
