import "server-only";
import { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "../db/client.ts";
import type { TPublishFields } from "../artifacts/publish-input.ts";
import type { TPrincipal } from "../access/principal.ts";
import { StowageError, validationFailed } from "../errors.ts";
import { findArtifactOrThrow, findVersionOrThrow } from "../artifacts/find-artifact-or-throw.ts";
import { publishArtifact, type TPublishResult } from "../artifacts/publish-artifact.ts";
import { SpoolTooLargeError, spoolFile, type TSpooledFile } from "../http/upload-spool.ts";
import type { BlobStore } from "../storage/blob-store.ts";
import { BlobNotFoundError, BlobStoreUnavailableError } from "../storage/blob-store.ts";
import { getBlobStore } from "../storage/get-blob-store.ts";
import { assertTextVersion } from "./assert-text-version.ts";

/** Tries before giving up under constant contention: each lost race means another append landed. */
const MAX_ATTEMPTS = 40;

export type TAppendOptions = {
  /** The publish size limit (config.maxUploadBytes): the new version, old bytes and appended ones together. */
  maxBytes: number;
  /** The appended bytes are spooled under it (never in memory) so that a retry can send them again. */
  dataDir: string;
  /** How the append reached Stowage, for the audit log. */
  via?: string;
  /** The run, tool and model appending (X-Stowage-Run, -Tool, -Model): the new version's, as a publish's. */
  producer?: Pick<TPublishFields, "runId" | "tool" | "model">;
};

/**
 * Publishes the next version of an existing artifact: its latest version's bytes followed by
 * `body`, streamed from the blob store into the new blob. It is a publish (quota, audit, retention
 * as any), conditional on the latest version it read (If-Match); losing to a concurrent write it
 * reads the new latest and tries again, so concurrent appends all land, one after another. The
 * new version keeps the artifact's mime type, session and tags; it has no metadata of its own.
 */
export async function appendText(
  db: Db,
  store: BlobStore,
  principal: TPrincipal,
  id: string,
  body: Readable | AsyncIterable<Uint8Array> | string,
  options: TAppendOptions,
): Promise<TPublishResult> {
  await findArtifactOrThrow(db, principal, id, "write");
  const spool = await spoolBody(body, options);
  try {
    if (spool.size === 0) throw validationFailed("there is nothing to append: the body is empty", { field: "body" });
    for (let attempt = 1; ; attempt++) {
      try {
        return await appendOnce(db, store, principal, id, spool, options);
      } catch (error) {
        if (!(error instanceof StowageError) || error.code !== "ARTIFACT_VERSION_CONFLICT" || attempt >= MAX_ATTEMPTS) throw error;
        await sleep(Math.random() * Math.min(250, 10 * attempt));
      }
    }
  } finally {
    await spool.remove();
  }
}

async function spoolBody(body: TAppendBody, options: TAppendOptions): Promise<TSpooledFile> {
  const source =
    typeof body === "string" ? Readable.from([Buffer.from(body, "utf8")]) : body instanceof Readable ? body : Readable.from(body);
  try {
    return await spoolFile(options.dataDir, source, options.maxBytes);
  } catch (error) {
    if (error instanceof SpoolTooLargeError) {
      throw new StowageError("ARTIFACT_TOO_LARGE", `the upload exceeds the ${Math.round(options.maxBytes / 1024 / 1024)} MB limit`, {
        maxBytes: options.maxBytes,
      });
    }
    throw error;
  }
}

type TAppendBody = Readable | AsyncIterable<Uint8Array> | string;

async function appendOnce(db: Db, store: BlobStore, principal: TPrincipal, id: string, spool: TSpooledFile, options: TAppendOptions) {
  const { artifact, row } = await findVersionOrThrow(db, principal, id);
  await assertTextVersion(row);
  let old: Readable;
  try {
    old = await getBlobStore(row.backend).get(row.storageKey);
  } catch (error) {
    if (error instanceof BlobNotFoundError || error instanceof BlobStoreUnavailableError) {
      throw new StowageError("ARTIFACT_STORAGE_UNAVAILABLE", "the stored bytes of the latest version cannot be read");
    }
    throw error;
  }
  async function* joined() {
    yield* old;
    yield* spool.read();
  }
  try {
    return await publishArtifact(db, store, principal, options.maxBytes, {
      fields: { ...options.producer, namespace: artifact.namespace.name, name: artifact.name, sessionId: artifact.session?.externalId },
      contentType: row.mimeType,
      body: joined(),
      declaredSize: Number(row.sizeBytes) + spool.size,
      ifMatch: row.version,
      via: options.via ?? "api",
    });
  } finally {
    old.destroy();
  }
}
