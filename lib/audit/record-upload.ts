import "server-only";
import type { Db } from "../db/client.ts";
import type { TPrincipal } from "../access/principal.ts";
import type { TPublishResult } from "../artifacts/publish-input.ts";
import { recordAuditEvent } from "./record-audit-event.ts";

/** Records a published version (`via`: api, direct-upload, or what another caller says); replays of an earlier upload published nothing and are skipped. */
export async function recordUpload(
  db: Db,
  principal: TPrincipal,
  result: TPublishResult,
  via: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  if (result.replayed) return;
  await recordAuditEvent(db, {
    actor: principal,
    action: "artifact.upload",
    namespace: result.artifact.namespace,
    artifactId: result.artifact.id,
    version: result.version.version,
    details: { via, sizeBytes: result.version.sizeBytes, sha256: result.version.sha256, ...extra },
  });
}
