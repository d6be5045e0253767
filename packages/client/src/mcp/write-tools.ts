import { z } from "zod";
import type { Published } from "../types.js";
import type { McpBackend, PublishRequest } from "./backend.js";
import { artifactSummary, fromBase64, json, linkTo, result, text, versionSummary } from "./format.js";
import {
  aliasField,
  defineTool,
  describeFailure,
  optional,
  refShape,
  resolveId,
  ToolInputError,
  versionField,
  versionRefOf,
} from "./tool-kit.js";

const published = ({ artifact, version, unchanged }: Published) =>
  result([
    json({ artifact: artifactSummary(artifact), version: versionSummary(version, false), ...(unchanged ? { unchanged: true } : {}) }),
    linkTo(artifact, version),
  ]);

export const artifactUpload = defineTool({
  name: "artifact_upload",
  title: "Upload an artifact",
  description: (local) =>
    "Stores content as a new version of an artifact. An artifact is unique by namespace + session + name: " +
    "uploading the same namespace, session and name again makes its next version (older versions stay readable). " +
    `Give the content as exactly one of: text (UTF-8), base64 (binary bytes)${local ? ", or path (a file on this machine, streamed, any size the server accepts)" : ""}. ` +
    (local
      ? "text and base64 travel inside the call: prefer path for anything over a few MB. "
      : "text and base64 travel inside the call, so the request size cap applies (a few MB); larger files go through the stowage CLI or SDK. ") +
    "Answers the artifact (its id) and the new version number (with skipIfUnchanged and the same content: the latest, unchanged).",
  shape: {
    namespace: z.string().min(1).describe("Where to store it: agent:<your identity>, ring:<group>, or another namespace you may write."),
    name: z
      .string()
      .min(1)
      .optional()
      .describe("The artifact's name; may contain / as folders (reports/q1.md). Required unless path is given (then the file's name)."),
    text: z.string().optional().describe("The content as text."),
    base64: z.string().optional().describe("The content as base64-encoded bytes."),
    path: z.string().min(1).optional().describe("A file on this machine to upload (relative to the server's working directory)."),
    sessionId: z
      .string()
      .min(1)
      .optional()
      .describe("The session (conversation or job) the artifact belongs to; leave out for namespace-level."),
    runId: z.string().min(1).optional().describe("The run (one execution in the session) that produced this version."),
    tags: z.array(z.string().min(1)).max(50).optional().describe("Labels for finding it (artifact_list tag=)."),
    metadata: z.record(z.string(), z.unknown()).optional().describe("A JSON object stored with this version."),
    contentType: z.string().min(1).optional().describe("MIME type; guessed from the name's extension when left out."),
    expiresAt: z.string().min(1).optional().describe("ISO 8601 time after which the artifact is deleted."),
    skipIfUnchanged: z
      .boolean()
      .optional()
      .describe("true: when the content equals the latest version's, store nothing and answer that version with unchanged: true."),
  },
  localOnly: ["path"],
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async run(a, { backend, files }) {
    const given = [a.text !== undefined, a.base64 !== undefined, a.path !== undefined].filter(Boolean).length;
    if (given !== 1) throw new ToolInputError(`give exactly one of text, base64${files ? " or path" : ""}`, "text");
    const options: PublishRequest = {
      namespace: a.namespace,
      ...optional({ name: a.name, sessionId: a.sessionId, runId: a.runId, tags: a.tags, metadata: a.metadata }),
      ...optional({ contentType: a.contentType, expiresAt: a.expiresAt, skipIfUnchanged: a.skipIfUnchanged }),
    };
    if (a.path !== undefined) return published(await files!.publishFile(a.path, options));
    if (options.name === undefined) throw new ToolInputError("name is required", "name");
    return published(await backend.publish(a.text ?? decodeBase64(a.base64!), options));
  },
});

function decodeBase64(value: string): Uint8Array {
  try {
    return fromBase64(value);
  } catch {
    throw new ToolInputError("base64 is not valid base64", "base64");
  }
}

export const artifactAppend = defineTool({
  name: "artifact_append",
  title: "Append text to an artifact",
  description:
    "Adds text to the end of an artifact's latest version, as a new version (a log, a journal, notes). " +
    "Atomic: concurrent appends all land, none overwrites another. Give a newline at the end of text yourself if you want one. " +
    "By namespace + name, an artifact that does not exist yet is created with text as its first version.",
  shape: { ...refShape, text: z.string().min(1).describe("The text to add.") },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async run(a, { backend }) {
    if (a.id) return published(await backend.append(a.id, a.text));
    return published(await appendOrCreate(backend, a as { namespace?: string; name?: string; sessionId?: string; text: string }));
  },
});

async function appendOrCreate(
  backend: McpBackend,
  a: { namespace?: string; name?: string; sessionId?: string; text: string },
): Promise<Published> {
  for (let attempt = 0; ; attempt++) {
    let id: string | undefined;
    try {
      id = await resolveId(backend, a);
    } catch (error) {
      if (describeFailure(error, backend).code !== "ARTIFACT_NOT_FOUND") throw error;
    }
    if (id) return backend.append(id, a.text);
    try {
      const session = a.sessionId ? { sessionId: a.sessionId } : {};
      return await backend.publish(a.text, { namespace: a.namespace!, name: a.name!, ...session, ifNoneMatch: true });
    } catch (error) {
      // Another writer created it first: append to theirs.
      if (attempt > 0 || describeFailure(error, backend).code !== "ARTIFACT_VERSION_CONFLICT") throw error;
    }
  }
}

export const artifactShare = defineTool({
  name: "artifact_share",
  title: "Share an artifact by URL",
  description:
    "Makes a time-limited URL to one version of an artifact that works without credentials (for a human, a browser, " +
    "or another tool), until it expires or is revoked. By alias, the link stays on the version the alias points to now. Answers { url, expiresAt }.",
  shape: {
    ...refShape,
    version: versionField,
    alias: aliasField,
    expiresIn: z.number().int().min(60).optional().describe("Seconds the URL works (60 up to the server's maximum; default 3600)."),
  },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async run(a, { backend }) {
    const version = versionRefOf(a);
    const id = await resolveId(backend, a);
    return result([json(await backend.share(id, optional({ version, expiresIn: a.expiresIn })))]);
  },
});

export const artifactDelete = defineTool({
  name: "artifact_delete",
  title: "Delete an artifact or one version",
  description:
    "Deletes one version, or (without version) the whole artifact with every version. Only the artifact's owner " +
    "or an admin may. It cannot be undone. A version a protected alias points to cannot be deleted (ARTIFACT_VERSION_PROTECTED): " +
    "move or unprotect the alias with artifact_alias first.",
  shape: { ...refShape, version: z.number().int().min(0).optional().describe("Only this version; the whole artifact when left out.") },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  async run(a, { backend }) {
    const id = await resolveId(backend, a);
    await backend.delete(id, optional({ version: a.version }));
    return result([
      text(a.version === undefined ? `deleted artifact ${id} and all its versions` : `deleted version ${a.version} of ${id}`),
    ]);
  },
});
