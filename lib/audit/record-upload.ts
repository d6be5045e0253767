import "server-only";
import type { TSqlRunner } from "../db/raw-sql.ts";
import type { TPrincipal } from "../access/principal.ts";
import type { TPublishResult } from "../artifacts/publish-input.ts";
import { recordAuditEventInTx } from "./record-audit-event.ts";

/** How a publish is audited: `via` says how the bytes came (api, direct-upload, or what another caller says). */
export type TUploadAudit = { via: string; extra?: Record<string, unknown> };

/**
 * Records a published version in the publishing transaction, so a version is never without its
 * audit row. Replays of an earlier upload, and unchanged bytes skipped, published nothing and are not recorded.
 */
export async function recordUpload(tx: TSqlRunner, principal: TPrincipal, result: TPublishResult, audit: TUploadAudit): Promise<void> {
  if (result.replayed || result.unchanged) return;
  await recordAuditEventInTx(tx, {
    actor: principal,
    action: "artifact.upload",
    namespace: result.artifact.namespace,
    artifactId: result.artifact.id,
    version: result.version.version,
    details: { via: audit.via, sizeBytes: result.version.sizeBytes, sha256: result.version.sha256, ...audit.extra },
  });
}
