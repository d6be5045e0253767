import "server-only";
import type { Db } from "../db/client.ts";
import type { TPrincipal } from "../access/principal.ts";
import type { TContentResult } from "../http/content-response.ts";
import { recordAuditEvent } from "./record-audit-event.ts";

export type TDownloadEvent = {
  actor: TPrincipal | null;
  /** How the request was authorized: an API key, a share link, or a signed download URL. */
  via: "api" | "share-link" | "download-url";
  linkId?: string | null;
  namespace: string;
  artifactId: string;
  version: number;
  method: string;
  result: TContentResult;
};

/**
 * Records a GET that hands out bytes (200, 206) or a presigned URL to them (302, also recorded
 * as url.mint with its expiry). HEAD and 304 hand out nothing and are not recorded.
 */
export async function recordDownload(db: Db, e: TDownloadEvent): Promise<void> {
  const { status } = e.result;
  if (e.method !== "GET" || (status !== 200 && status !== 206 && status !== 302)) return;
  const actorName = e.actor ? undefined : e.linkId ? `anonymous via share link ${e.linkId}` : "anonymous via download URL";
  const base = { actor: e.actor, actorName, namespace: e.namespace, artifactId: e.artifactId, version: e.version };
  const link = e.linkId ? { linkId: e.linkId } : {};
  await recordAuditEvent(db, { ...base, action: "artifact.download", details: { via: e.via, status, ...link } });
  if (status === 302) {
    await recordAuditEvent(db, {
      ...base,
      action: "url.mint",
      details: { via: `${e.via}-redirect`, ...link, expiresAt: e.result.presignedExpiresAt },
    });
  }
}
