import "server-only";
import type { TVersionRef } from "../aliases/version-ref.ts";
import type { Db } from "../db/client.ts";
import type { TPrincipal } from "../access/principal.ts";
import { getVersion } from "../artifacts/get-artifact.ts";
import { toVersionDto, type TVersionRow } from "../artifacts/serialize.ts";
import { VERSION_INFO_MAX_CHARS } from "../api-contract/common.ts";
import { recordDownload } from "../audit/record-download.ts";
import { recordRunRead } from "../lineage/record-run-read.ts";
import { contentResult, type TContentResult } from "../http/content-response.ts";

export type TContentRequest = { method: string; headers: Headers };

/** A download ready to write, and its audit record, already under way. */
export type TOpenedContent = TContentResult & {
  /**
   * Started before the bytes go out, so the audit write never delays the first byte; await it
   * after writing (it never throws).
   */
  audited: Promise<void>;
};

/**
 * A version's bytes for a caller with a key: authorizes, resolves the version (latest when none
 * is given), builds the HTTP content result (200/206/304, or a 302 to a presigned S3 URL) and
 * records the download (artifact.download, plus url.mint for a redirect) and, with a `runId`,
 * the read as that run's input (a GET that answers the bytes, a redirect to them or a 304).
 */
export async function openVersionContent(
  db: Db,
  principal: TPrincipal,
  artifactId: string,
  req: TContentRequest,
  options: { version?: TVersionRef; forceDownload?: boolean; presignSeconds: number; via?: "api"; runId?: string },
): Promise<TOpenedContent> {
  const { artifact, row } = await getVersion(db, principal, artifactId, options.version);
  const result = await contentResult(req, row, {
    cacheControl: "private, no-cache",
    forceDownload: options.forceDownload,
    presignSeconds: options.presignSeconds,
  });
  const read = req.method === "GET" && [200, 206, 302, 304].includes(result.status);
  const audited = recordDownload(db, {
    actor: principal,
    via: options.via ?? "api",
    namespace: artifact.namespace.name,
    artifactId: row.artifactId,
    version: row.version,
    method: req.method,
    result,
  });
  // Recorded before the bytes go (a read without a run waits for nothing), so a client holding
  // the bytes finds the read in the run's inputs.
  if (read && options.runId) {
    await recordRunRead(db, principal, {
      runId: options.runId,
      artifactId: row.artifactId,
      version: row.version,
      namespaceId: artifact.namespaceId,
      versionId: row.id,
    });
  }
  return { ...result, headers: { ...result.headers, ...versionHeaders(row) }, audited };
}

/**
 * Which version the bytes are, so one request both finds and reads a version: the artifact id,
 * the number, and the whole version (as GET …/versions/{n} gives it) as base64url JSON, left out
 * when its metadata makes it too large for a header.
 */
function versionHeaders(row: TVersionRow): Record<string, string> {
  const info = Buffer.from(JSON.stringify(toVersionDto(row))).toString("base64url");
  return {
    "Stowage-Artifact-Id": row.artifactId,
    "Stowage-Version": String(row.version),
    ...(info.length <= VERSION_INFO_MAX_CHARS ? { "Stowage-Version-Info": info } : {}),
  };
}
