import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getArtifactContentByNameOp, getArtifactContentOp } from "../api-contract/artifacts.ts";
import type { TPrincipal } from "../access/principal.ts";
import { lookupArtifactId } from "../artifacts/lookup-artifact.ts";
import { getConfig } from "../config.ts";
import { getDb } from "../db/client.ts";
import { authenticateRequest } from "../access/authenticate-request.ts";
import { publishArtifact } from "../artifacts/publish-artifact.ts";
import { readQuery } from "../http/contract-input.ts";
import { readUploadRequest } from "../http/read-upload-request.ts";
import { openSharedContent } from "../delivery/open-shared-content.ts";
import { openVersionContent } from "../delivery/open-version-content.ts";
import { versionRef } from "../aliases/version-ref.ts";
import { runIdOf } from "../lineage/record-run-read.ts";
import { getWriteBlobStore } from "../storage/get-blob-store.ts";
import { receiveUploadPart } from "../uploads/receive-upload-part.ts";
import { appendRoute } from "./append-route.ts";
import { validationFailed } from "../errors.ts";
import { toHeaders, writeError, writeJson, writeResult } from "./node-response.ts";

type THandler = (req: IncomingMessage, res: ServerResponse, url: URL, params: string[]) => Promise<void>;

// POST /api/v1/artifacts – upload a new version (multipart/form-data or a raw body)
const upload: THandler = async (req, res, url) => {
  const db = getDb();
  const config = getConfig();
  const principal = await authenticateRequest(db, req.method!, toHeaders(req));
  const { input, dispose } = await readUploadRequest(url, toHeaders(req), req, {
    dataDir: config.dataDir,
    maxBytes: config.maxUploadBytes,
  });
  let published;
  try {
    published = await publishArtifact(db, getWriteBlobStore(), principal, config.maxUploadBytes, { ...input, via: "api" });
  } finally {
    await dispose();
  }
  const { artifact, version, replayed, unchanged } = published;
  writeJson(
    res,
    replayed || unchanged ? 200 : 201,
    { artifact, version },
    {
      Location: `/api/v1/artifacts/${artifact.id}/versions/${version.version}`,
      ETag: `"${version.sha256}"`,
      ...(replayed ? { "Idempotent-Replayed": "true" } : {}),
      ...(unchanged ? { "Stowage-Unchanged": "true" } : {}),
    },
  );
};

// GET|HEAD /api/v1/artifacts/{id}/content?version=N|alias=NAME – the bytes (Range, ETag, If-None-Match);
// bytes in S3 answer GET with a 302 to a presigned S3 URL; with X-Stowage-Run (or ?runId=) the read is that run's input
const content: THandler = async (req, res, url, [id]) => {
  const db = getDb();
  const principal = await authenticateRequest(db, req.method!, toHeaders(req));
  const { query } = readQuery(url, getArtifactContentOp);
  await writeContent(req, res, url, principal, id!, query);
};

// GET|HEAD /api/v1/artifacts/lookup/content?namespace=&name=&sessionId=&version=N – the same, by name
const contentByName: THandler = async (req, res, url) => {
  const db = getDb();
  const principal = await authenticateRequest(db, req.method!, toHeaders(req));
  const { query } = readQuery(url, getArtifactContentByNameOp);
  const { namespace, name, sessionId, ...options } = query;
  await writeContent(req, res, url, principal, await lookupArtifactId(db, principal, { namespace, name, sessionId }), options);
};

async function writeContent(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  principal: TPrincipal,
  id: string,
  query: { version?: number; alias?: string; download?: "0" | "1" },
) {
  const download = await openVersionContent(
    getDb(),
    principal,
    id,
    { method: req.method!, headers: toHeaders(req) },
    {
      version: versionRef(query),
      forceDownload: query.download === "1",
      presignSeconds: getConfig().presignedUrlSeconds,
      runId: runIdOf(toHeaders(req), url),
    },
  );
  await writeResult(res, download.status, download.headers, download.body);
  await download.audited;
}

// GET|HEAD /api/v1/share/{token} – a share link's (or download URL's) bytes; the signed token is the credential
const share: THandler = async (req, res, _url, [token]) => {
  const download = await openSharedContent(
    getDb(),
    token!,
    { method: req.method!, headers: toHeaders(req) },
    { presignSeconds: getConfig().presignedUrlSeconds },
  );
  await writeResult(res, download.status, download.headers, download.body);
  await download.audited;
};

// PUT /api/v1/uploads/{id}/parts/{n}?expires=&signature= – one part of a direct upload, for
// backends that take parts through Stowage (the filesystem); the signed URL is the credential
const uploadPart: THandler = async (req, res, url, [uploadId, partNumber]) => {
  const part = await receiveUploadPart(getDb(), {
    uploadId: uploadId!,
    partNumber: partNumber!,
    expires: url.searchParams.get("expires"),
    signature: url.searchParams.get("signature"),
    contentLength: req.headers["content-length"] ?? null,
    body: req,
  });
  writeJson(res, 200, { partNumber: part.partNumber, size: part.size }, part.etag ? { ETag: part.etag } : {});
};

// `label` is the route's pattern in logs and metrics (never the path: tokens travel in it).
const ROUTES: { methods: string[]; pattern: RegExp; label: string; handler: THandler }[] = [
  {
    methods: ["PUT"],
    pattern: /^\/api\/v1\/uploads\/([a-z0-9]{26})\/parts\/(\d{1,5})\/?$/,
    label: "/api/v1/uploads/{id}/parts/{n}",
    handler: uploadPart,
  },
  { methods: ["POST"], pattern: /^\/api\/v1\/artifacts\/?$/, label: "/api/v1/artifacts", handler: upload },
  {
    methods: ["POST"],
    pattern: /^\/api\/v1\/artifacts\/([^/]+)\/append\/?$/,
    label: "/api/v1/artifacts/{id}/append",
    handler: appendRoute,
  },
  // Before {id}/content, which "lookup" would match.
  {
    methods: ["GET", "HEAD"],
    pattern: /^\/api\/v1\/artifacts\/lookup\/content\/?$/,
    label: "/api/v1/artifacts/lookup/content",
    handler: contentByName,
  },
  {
    methods: ["GET", "HEAD"],
    pattern: /^\/api\/v1\/artifacts\/([^/]+)\/content\/?$/,
    label: "/api/v1/artifacts/{id}/content",
    handler: content,
  },
  { methods: ["GET", "HEAD"], pattern: /^\/api\/v1\/share\/([^/]+)\/?$/, label: "/api/v1/share/{token}", handler: share },
];

export const STREAMING_ROUTE_LABELS = ROUTES.map((r) => r.label);

// A malformed % escape is the client's mistake: a 400, not decodeURIComponent's URIError (a 500).
function decodeParam(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw validationFailed("the request path has a malformed % escape");
  }
}

/**
 * The routes whose bytes are the payload run on Node streams directly instead of through a
 * route handler: Next.js drops Content-Length from route-handler responses (so HEAD could not
 * give a size and downloads would be chunked) and its web-stream bridging runs at about a third
 * of Node's throughput. Returns false when the request is not one of them.
 */
export async function handleStreamingRoute(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(req.url ?? "/", "http://localhost");
  } catch {
    return false; // not a path of ours at all; Next.js answers it
  }
  // A client that disconnects mid-upload errors the request stream; whoever reads it sees that,
  // and an unread remainder must not crash the process.
  req.on("error", () => undefined);
  for (const route of ROUTES) {
    const match = route.pattern.exec(url.pathname);
    if (!match || !route.methods.includes(req.method ?? "")) continue;
    try {
      await route.handler(req, res, url, match.slice(1).map(decodeParam));
    } catch (error) {
      await writeError(req, res, error);
    }
    return true;
  }
  return false;
}
