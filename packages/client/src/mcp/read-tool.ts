import { z } from "zod";
import type { Version } from "../types.js";
import type { McpBackend, ReadRun, VersionRef } from "./backend.js";
import {
  artifactSummary,
  artifactUri,
  errorResult,
  fitLines,
  isTextMime,
  json,
  numbered,
  result,
  text,
  toBase64,
  utf8Length,
  versionSummary,
  type ToolResult,
} from "./format.js";
import {
  aliasField,
  defineTool,
  describeFailure,
  optional,
  readRunField,
  refShape,
  resolveId,
  ToolInputError,
  versionField,
  versionRefOf,
  type ToolContext,
} from "./tool-kit.js";

const MAX_LINES = 2000;

export const artifactRead = defineTool({
  name: "artifact_read",
  title: "Read an artifact",
  description: (local) =>
    "Reads one version of an artifact (the latest by default; version N, or alias for a named one such as production). Text comes as numbered lines (`   12<TAB>text`): " +
    "from line offset (1-based) with limit lines, or head / tail lines. byteOffset/byteLength read raw bytes instead " +
    "(binary comes back as a base64 blob resource). metadataOnly answers the artifact and version metadata without content. " +
    (local ? "saveTo writes the version (or the byte range) to a file on this machine instead, at any size. " : "") +
    "A result never exceeds the server's cap: when cut, its last block says exactly which offset to continue from.",
  shape: {
    ...refShape,
    version: versionField,
    alias: aliasField,
    offset: z.number().int().min(1).optional().describe("First line to read, 1-based (default 1)."),
    limit: z.number().int().min(1).max(MAX_LINES).optional().describe(`Lines to read (default 200, at most ${MAX_LINES}).`),
    head: z.number().int().min(1).max(MAX_LINES).optional().describe("Read the first N lines."),
    tail: z.number().int().min(1).max(MAX_LINES).optional().describe("Read the last N lines."),
    byteOffset: z.number().int().min(0).optional().describe("Read bytes from this offset (0-based) instead of lines."),
    byteLength: z.number().int().min(1).optional().describe("How many bytes to read from byteOffset (capped)."),
    metadataOnly: z.boolean().optional().describe("Only the artifact's and the version's metadata, no content."),
    saveTo: z
      .string()
      .min(1)
      .optional()
      .describe("Write the bytes to this file path (folders are created; an existing file is replaced once the download is complete)."),
    runId: readRunField,
  },
  localOnly: ["saveTo"],
  annotations: { readOnlyHint: true, openWorldHint: false },
  async run(a, ctx) {
    const lineMode = a.offset !== undefined || a.limit !== undefined || a.head !== undefined || a.tail !== undefined;
    const byteMode = a.byteOffset !== undefined || a.byteLength !== undefined;
    if (lineMode && (byteMode || a.metadataOnly || a.saveTo))
      throw new ToolInputError("line options (offset, limit, head, tail) go alone, without byte options, metadataOnly or saveTo", "offset");
    if (a.tail !== undefined && (a.offset !== undefined || a.head !== undefined || a.limit !== undefined))
      throw new ToolInputError("tail cannot be combined with offset, head or limit", "tail");
    if (a.head !== undefined && (a.offset !== undefined || a.limit !== undefined))
      throw new ToolInputError("head cannot be combined with offset or limit", "head");
    const ref = versionRefOf(a);
    const id = await resolveId(ctx.backend, a);
    const run = optional({ runId: a.runId });
    if (a.metadataOnly) return metadata(ctx, id, ref);
    if (a.saveTo !== undefined) {
      const v = await ctx.backend.version(id, ref);
      const range = byteMode ? { start: a.byteOffset ?? 0, ...optional({ end: endOf(a.byteOffset ?? 0, a.byteLength) }) } : undefined;
      const saved = await ctx.files!.saveTo(id, v.version, a.saveTo, range, run);
      return result([json({ saved: saved.path, bytes: saved.bytes, artifactId: id, version: v.version, mimeType: v.mimeType })]);
    }
    if (byteMode) return bytes(ctx, id, await ctx.backend.version(id, ref), a.byteOffset ?? 0, a.byteLength, run);
    return lines(ctx, id, {
      ...run,
      ...optional({ version: ref, tail: a.tail }),
      ...(a.head !== undefined ? { offset: 1, limit: a.head } : optional({ offset: a.offset, limit: a.limit })),
    });
  },
});

const endOf = (start: number, length: number | undefined) => (length === undefined ? undefined : start + length - 1);

async function metadata(ctx: ToolContext, id: string, version: VersionRef | undefined): Promise<ToolResult> {
  const [artifact, v] = await Promise.all([ctx.backend.get(id), ctx.backend.version(id, version)]);
  const full = JSON.stringify({ artifact: artifactSummary(artifact), version: versionSummary(v) });
  if (utf8Length(full) <= ctx.limits.resultMaxBytes) return result([text(full)]);
  return result(
    [json({ artifact: artifactSummary(artifact), version: versionSummary(v, false) })],
    `The version's metadata is larger than the result cap (${ctx.limits.resultMaxBytes} bytes) and was left out.`,
  );
}

async function lines(ctx: ToolContext, id: string, options: Parameters<McpBackend["text"]>[1]): Promise<ToolResult> {
  let page;
  try {
    page = await ctx.backend.text(id, options);
  } catch (error) {
    const failure = describeFailure(error, ctx.backend);
    if (failure.code !== "ARTIFACT_NOT_TEXT") throw error;
    return errorResult(
      failure,
      `This version is not text. Read its bytes with byteOffset/byteLength (a bounded base64 blob), make a URL with artifact_share` +
        `${ctx.files ? ", or write it to a file with saveTo" : ""}.`,
    );
  }
  const rendered = page.lines.map((l) => numbered(l));
  const { text: body, count } = fitLines(rendered, ctx.limits.resultMaxBytes - 300);
  const shown = page.lines.slice(0, count);
  const next = count < page.lines.length ? page.lines[count]!.line : page.nextOffset;
  const of = page.totalLines === null ? "" : ` of ${page.totalLines}`;
  const where = `artifact ${id} v${page.version} (${page.mimeType}, ${page.sizeBytes} bytes)`;
  if (shown.length === 0)
    return result([text(page.totalLines === 0 ? "(empty)" : "(no lines at this offset)")], `${where}${of ? `: ${of.trim()} lines` : ""}.`);
  const span = `Lines ${shown[0]!.line}–${shown[shown.length - 1]!.line}${of} of ${where}.`;
  const cutLines = shown.some((l) => l.cut) ? " Lines marked [line cut] are longer than shown: read them with byteOffset." : "";
  const hint = next === null ? `${span} End of file.${cutLines}` : `${span} Continue with offset=${next}.${cutLines}`;
  return result([text(body)], hint);
}

async function bytes(
  ctx: ToolContext,
  id: string,
  v: Version,
  start: number,
  length: number | undefined,
  run: ReadRun,
): Promise<ToolResult> {
  const size = v.sizeBytes;
  if (start > size || (start === size && size > 0)) {
    return errorResult({
      code: "ARTIFACT_RANGE_NOT_SATISFIABLE",
      message: `byteOffset ${start} is past the end (${size} bytes)`,
      details: { sizeBytes: size },
    });
  }
  const asText = isTextMime(v.mimeType);
  // Base64 is 4 bytes for every 3: a blob keeps to the cap once encoded.
  const room = asText ? ctx.limits.resultMaxBytes : Math.floor((ctx.limits.resultMaxBytes * 3) / 4);
  const count = Math.min(length ?? room, room, size - start);
  const data = count > 0 ? await ctx.backend.readBytes(id, v.version, { start, end: start + count - 1 }, run) : new Uint8Array(0);
  const end = start + data.byteLength;
  const span = `Bytes ${start}–${Math.max(start, end - 1)} of ${size} (artifact ${id} v${v.version}, ${v.mimeType}).`;
  const hint = end < size ? `${span} Continue with byteOffset=${end}.` : `${span} End of file.`;
  const uri = artifactUri(id, v.version);
  if (asText) return result([text(new TextDecoder().decode(data))], hint);
  return result([{ type: "resource", resource: { uri, mimeType: v.mimeType, blob: toBase64(data) } }], hint);
}
