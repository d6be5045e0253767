import "server-only";
import { Readable } from "node:stream";
import type { McpBackend } from "@stowage/client/mcp";
import type { TPrincipal } from "../access/principal.ts";
import { deleteAlias } from "../aliases/delete-alias.ts";
import { listAliases } from "../aliases/list-aliases.ts";
import { setAlias } from "../aliases/set-alias.ts";
import { deleteArtifact, deleteVersion } from "../artifacts/delete-artifact.ts";
import { getArtifact, getVersion } from "../artifacts/get-artifact.ts";
import { listArtifacts } from "../artifacts/list-artifacts.ts";
import { listVersions } from "../artifacts/list-versions.ts";
import { lookupArtifact } from "../artifacts/lookup-artifact.ts";
import { publishArtifact } from "../artifacts/publish-artifact.ts";
import { getConfig } from "../config.ts";
import type { Db } from "../db/client.ts";
import { errorPayload } from "../http/error-response.ts";
import { appendText } from "../reads/append-text.ts";
import { diffVersions } from "../reads/diff-versions.ts";
import { grepArtifact } from "../reads/grep-artifact.ts";
import { grepSession } from "../reads/grep-session.ts";
import { readText } from "../reads/read-text.ts";
import { createShareLink } from "../sharing/share-links.ts";
import { getWriteBlobStore } from "../storage/get-blob-store.ts";
import { normalizeClientId } from "../artifacts/artifact-name.ts";
import { readVersionBytes } from "./read-version-bytes.ts";
import type { TRequestLineage } from "./request-lineage.ts";

/**
 * The MCP tools' backend on the server: each call is the same lib function the HTTP API calls,
 * with the caller's principal, so it is authorized and audited exactly as that route is.
 * `baseUrl` is where share links point (the request's origin, or STOWAGE_PUBLIC_URL). `lineage`
 * is the request's run, tool and model: reads are recorded for the run (a call's own runId wins),
 * publishes and appends carry all three (a publish's own runId wins).
 */
export function libBackend(db: Db, principal: TPrincipal, options: { baseUrl: string; lineage?: TRequestLineage }): McpBackend {
  const config = getConfig();
  const producer = options.lineage ?? {};
  // A tool's runId is checked here as X-Stowage-Run is (the tools only check its shape).
  const runOf = (runId: string | undefined) => (runId === undefined ? producer.runId : normalizeClientId(runId, "runId"));
  return {
    get: (id) => getArtifact(db, principal, id),
    lookup: (key) => lookupArtifact(db, principal, key),
    list: ({ name, ...filter }) => listArtifacts(db, principal, { ...filter, ...(name ? { namePrefix: name } : {}) }),
    versions: (id, page) => listVersions(db, principal, id, page),
    version: async (id, version) => (await getVersion(db, principal, id, version)).dto,
    async publish(data, { ifNoneMatch, contentType, ...fields }) {
      const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      const published = await publishArtifact(db, getWriteBlobStore(), principal, config.maxUploadBytes, {
        fields: { ...producer, ...fields },
        contentType: contentType ?? null,
        body: Readable.from([bytes]),
        declaredSize: bytes.byteLength,
        ...(ifNoneMatch ? { ifNoneMatch: true } : {}),
        via: "mcp",
      });
      return { artifact: published.artifact, version: published.version, unchanged: published.unchanged === true };
    },
    readBytes: (id, version, range, read) => readVersionBytes(db, principal, id, version, range, { runId: runOf(read?.runId) }),
    text: (id, options) => readText(db, principal, id, { ...options, runId: runOf(options.runId) }),
    grep: (id, options) => grepArtifact(db, principal, id, { ...options, runId: runOf(options.runId) }),
    grepSession: (options) => grepSession(db, principal, options),
    diff: (id, options) => diffVersions(db, principal, id, { ...options, runId: runOf(options.runId) }),
    async append(id, text) {
      const appended = await appendText(db, getWriteBlobStore(), principal, id, text, {
        maxBytes: config.maxUploadBytes,
        dataDir: config.dataDir,
        via: "mcp",
        producer,
      });
      return { artifact: appended.artifact, version: appended.version };
    },
    share: (id, { expiresIn, version }) =>
      createShareLink(db, principal, id, {
        ...(expiresIn === undefined ? {} : { expiresIn }),
        ...(version === undefined ? {} : { version }),
        maxSeconds: config.shareUrlMaxSeconds,
        baseUrl: options.baseUrl,
      }),
    delete: (id, { version }) => (version === undefined ? deleteArtifact(db, principal, id) : deleteVersion(db, principal, id, version)),
    aliases: (id) => listAliases(db, principal, id),
    setAlias: (id, name, input) => setAlias(db, principal, id, name, input),
    deleteAlias: (id, name) => deleteAlias(db, principal, id, name),
    // The one error path: a StowageError's code and message; anything else logged, and told as INTERNAL_ERROR.
    describeError(error) {
      const { code, message, ...details } = errorPayload(error).body.error as { code: string; message: string };
      return { code, message, details };
    },
  };
}
