import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getConfig } from "../config.ts";
import { getDb } from "../db/client.ts";
import { authenticateRequest } from "../access/authenticate-request.ts";
import { StowageError } from "../errors.ts";
import { producerDefaults } from "../lineage/producer-headers.ts";
import { appendText } from "../reads/append-text.ts";
import { getWriteBlobStore } from "../storage/get-blob-store.ts";
import { toHeaders, writeJson } from "./node-response.ts";

// POST /api/v1/artifacts/{id}/append – the next version: the latest one's bytes, then the body (streamed);
// X-Stowage-Run, X-Stowage-Tool and X-Stowage-Model say what produced it, as for a publish
export async function appendRoute(req: IncomingMessage, res: ServerResponse, _url: URL, [id]: string[]): Promise<void> {
  const db = getDb();
  const config = getConfig();
  const principal = await authenticateRequest(db, req.method!, toHeaders(req));
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (declared > config.maxUploadBytes) {
    throw new StowageError("ARTIFACT_TOO_LARGE", `the upload exceeds the ${Math.round(config.maxUploadBytes / 1024 / 1024)} MB limit`, {
      maxBytes: config.maxUploadBytes,
    });
  }
  const { artifact, version } = await appendText(db, getWriteBlobStore(), principal, id!, req, {
    maxBytes: config.maxUploadBytes,
    dataDir: config.dataDir,
    via: "api",
    producer: producerDefaults(toHeaders(req)),
  });
  writeJson(res, 201, { artifact, version }, { Location: `/api/v1/artifacts/${artifact.id}/versions/${version.version}` });
}
