import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { artifactUri, isTextMime, toBase64 } from "./format.js";
import type { ToolContext } from "./tool-kit.js";

/** Every artifact is a resource: its latest version, or one version with `@N`. */
export const RESOURCE_TEMPLATES = [
  {
    uriTemplate: "stowage://artifacts/{id}",
    name: "artifact",
    title: "An artifact's latest version",
    description: "The content of an artifact's latest version (text, or a base64 blob), up to the result cap.",
  },
  {
    uriTemplate: "stowage://artifacts/{id}@{version}",
    name: "artifact-version",
    title: "One version of an artifact",
    description: "The content of one version of an artifact, up to the result cap.",
  },
];

/** A page of artifacts as resources (the listing's own page size and cursor). */
export async function listResources(ctx: ToolContext, cursor: string | undefined) {
  const page = await ctx.backend.list({ limit: 50, ...(cursor ? { cursor } : {}) });
  return {
    resources: page.artifacts.map((a) => ({
      uri: artifactUri(a.id),
      name: `${a.namespace}/${a.name}`,
      title: a.sessionId ? `${a.namespace}/${a.name} (session ${a.sessionId})` : `${a.namespace}/${a.name}`,
      ...(a.latest ? { mimeType: a.latest.mimeType, size: a.latest.sizeBytes } : {}),
    })),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

/**
 * The version's bytes when they fit the cap. Text over the cap comes cut at a line with a last
 * line saying so; binary over it is refused with the ways to get it (a resource has no
 * continuation of its own).
 */
export async function readResource(ctx: ToolContext, uri: string) {
  const match = /^stowage:\/\/artifacts\/([^/@?#]+)(?:@(\d+))?$/.exec(uri);
  if (!match) throw new McpError(ErrorCode.InvalidParams, `not a Stowage resource: ${uri} (stowage://artifacts/{id} or {id}@{version})`);
  const id = decodeURIComponent(match[1]!);
  const v = await ctx.backend.version(id, match[2] === undefined ? undefined : Number(match[2]));
  const cap = ctx.limits.resultMaxBytes;
  if (isTextMime(v.mimeType)) {
    const size = Math.min(v.sizeBytes, cap);
    const bytes = size > 0 ? await ctx.backend.readBytes(id, v.version, { start: 0, end: size - 1 }) : new Uint8Array(0);
    let body = new TextDecoder().decode(bytes);
    if (v.sizeBytes > cap) {
      const cut = body.lastIndexOf("\n");
      body = body.slice(0, cut > 0 ? cut + 1 : body.length);
      const lines = body.split("\n").length - 1;
      body += `[… cut at the ${cap}-byte cap: ${v.sizeBytes} bytes in all; read on with the artifact_read tool, id=${id}, version=${v.version}, offset=${lines + 1}]\n`;
    }
    return { contents: [{ uri, mimeType: v.mimeType, text: body }] };
  }
  const room = Math.floor((cap * 3) / 4);
  if (v.sizeBytes > room) {
    throw new McpError(
      ErrorCode.InvalidParams,
      `ARTIFACT_TOO_LARGE: ${uri} is ${v.sizeBytes} bytes of ${v.mimeType}, over the ${room}-byte cap for a blob: ` +
        "read ranges with the artifact_read tool (byteOffset/byteLength), or make a URL with artifact_share",
      { code: "ARTIFACT_TOO_LARGE", sizeBytes: v.sizeBytes, limitBytes: room },
    );
  }
  const bytes = v.sizeBytes > 0 ? await ctx.backend.readBytes(id, v.version, { start: 0, end: v.sizeBytes - 1 }) : new Uint8Array(0);
  return { contents: [{ uri, mimeType: v.mimeType, blob: toBase64(bytes) }] };
}
