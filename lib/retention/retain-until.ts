import "server-only";
import { getConfig, type TConfig } from "../config.ts";

const DAY_MS = 86_400_000;

/**
 * When retention ends an artifact last updated at `from`: the namespace's override, else
 * ARTIFACT_RETENTION_DAYS; null when neither is set (kept until deleted or its expiresAt).
 */
export function retainUntilFor(
  namespace: { retentionDays: number | null },
  from: Date,
  config: Pick<TConfig, "retentionDays"> = getConfig(),
): Date | null {
  const days = namespace.retentionDays ?? config.retentionDays;
  return days === undefined ? null : new Date(from.getTime() + days * DAY_MS);
}
