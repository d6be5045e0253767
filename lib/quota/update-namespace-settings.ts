import "server-only";
import type { Db } from "../db/client.ts";
import { StowageError, validationFailed } from "../errors.ts";
import type { TPrincipal } from "../access/principal.ts";
import { requireAdmin } from "../access/require-admin.ts";
import { applyNamespaceRetention } from "../retention/apply-retention.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";
import { MAX_KEEP_VERSIONS } from "../retention/excess-versions.ts";

export const MAX_RETENTION_DAYS = 36_500;

export type TNamespaceSettings = {
  /** Bytes; null goes back to ARTIFACT_QUOTA_DEFAULT_MB. */
  quotaBytes?: number | null;
  /** Days after an artifact's last update that it expires; null goes back to ARTIFACT_RETENTION_DAYS. */
  retentionDays?: number | null;
  /** Versions kept per artifact, newest first (the latest and protected-alias ones always stay); null: no limit. */
  keepVersions?: number | null;
};

/** Validates everything before changing anything: a bad value leaves the namespace as it was. */
function check(s: TNamespaceSettings): void {
  if (s.quotaBytes === undefined && s.retentionDays === undefined && s.keepVersions === undefined) {
    throw validationFailed("send quotaBytes, retentionDays and/or keepVersions");
  }
  const q = s.quotaBytes;
  if (q !== undefined && q !== null && (!Number.isSafeInteger(q) || q < 0)) {
    throw validationFailed("quotaBytes must be a whole number of bytes, 0 or more (or null for the default)", { field: "quotaBytes" });
  }
  const r = s.retentionDays;
  if (r !== undefined && r !== null && (!Number.isInteger(r) || r < 1 || r > MAX_RETENTION_DAYS)) {
    throw validationFailed(`retentionDays must be a whole number from 1 to ${MAX_RETENTION_DAYS} (or null for the default)`, {
      field: "retentionDays",
    });
  }
  const k = s.keepVersions;
  if (k !== undefined && k !== null && (!Number.isInteger(k) || k < 1 || k > MAX_KEEP_VERSIONS)) {
    throw validationFailed(`keepVersions must be a whole number from 1 to ${MAX_KEEP_VERSIONS} (or null for no limit)`, {
      field: "keepVersions",
    });
  }
}

/**
 * An admin's per-namespace quota and retention rules (age, versions kept). Returns the namespace before and after, so the
 * caller can record what changed. A lower quota never deletes anything: uploads stop until
 * usage is under it again.
 */
export async function updateNamespaceSettings(db: Db, principal: TPrincipal, namespace: string, s: TNamespaceSettings) {
  requireAdmin(principal);
  check(s);
  const before = await db.namespace.findUnique({ where: { name: namespace } });
  if (!before) throw new StowageError("ARTIFACT_NOT_FOUND", `namespace ${namespace} not found`);
  const after = await db.namespace.update({
    where: { id: before.id },
    data: {
      ...(s.quotaBytes !== undefined ? { quotaBytes: s.quotaBytes === null ? null : BigInt(s.quotaBytes) } : {}),
      ...(s.retentionDays !== undefined ? { retentionDays: s.retentionDays } : {}),
      // Deletes nothing now: the next sweep removes what the rule no longer keeps (see the preview).
      ...(s.keepVersions !== undefined ? { keepVersions: s.keepVersions } : {}),
    },
  });
  // Expiry follows at once: a shorter retention hides what is now too old, a longer one keeps it.
  if (s.retentionDays !== undefined) await applyNamespaceRetention(db, before.id, after.retentionDays);
  await recordAuditEvent(db, {
    actor: principal,
    action: "quota.change",
    namespace,
    details: {
      quotaBytes: { from: before.quotaBytes, to: after.quotaBytes },
      retentionDays: { from: before.retentionDays, to: after.retentionDays },
      keepVersions: { from: before.keepVersions, to: after.keepVersions },
    },
  });
  return { before, after };
}
