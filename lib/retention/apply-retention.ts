import "server-only";
import { getConfig, type TConfig } from "../config.ts";
import type { Db } from "../db/client.ts";
import { validationFailed } from "../errors.ts";
import { recomputeRetainUntil } from "./recompute-retain-until.ts";

/** 100 years, as for ARTIFACT_RETENTION_DAYS. */
const MAX_DAYS = 36_500;

/**
 * Sets a namespace's retention override (null: back to ARTIFACT_RETENTION_DAYS) and recomputes
 * every artifact's retainUntil from its last update, so expiry follows at once: shortening it
 * expires what is now too old (gone for readers immediately, reclaimed by the next sweep),
 * lengthening it keeps artifacts that have not been swept yet. A value out of range is a 400
 * before anything changes. Returns how many artifacts changed and how many are now expired.
 */
export async function applyNamespaceRetention(
  db: Db,
  namespaceId: string,
  retentionDays: number | null,
  config: Pick<TConfig, "retentionDays"> = getConfig(),
): Promise<{ updated: number; expired: number }> {
  if (retentionDays !== null && (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > MAX_DAYS)) {
    throw validationFailed(`retentionDays must be a whole number from 1 to ${MAX_DAYS} (or null for the default)`, {
      field: "retentionDays",
    });
  }
  const namespace = await db.namespace.update({
    where: { id: namespaceId },
    data: { retentionDays },
    select: { id: true, retentionDays: true },
  });
  const updated = await recomputeRetainUntil(db, namespace, config);
  const expired = await db.artifact.count({ where: { namespaceId, retainUntil: { lte: new Date() } } });
  return { updated, expired };
}
