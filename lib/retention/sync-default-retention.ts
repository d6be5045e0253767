import "server-only";
import type { TConfig } from "../config.ts";
import type { Db } from "../db/client.ts";
import { recomputeRetainUntil } from "./recompute-retain-until.ts";

/** The ARTIFACT_RETENTION_DAYS value the artifacts' retainUntil was last computed with. */
const SETTING = "retention.defaultDays";

/**
 * Commits write retainUntil with the retention of their time. When ARTIFACT_RETENTION_DAYS is
 * set, changed or removed, this brings every artifact of the namespaces without an override in
 * line (artifacts stored before retention existed included). Recorded only once complete, so an
 * interrupted run is redone. Returns how many artifacts changed.
 */
export async function syncDefaultRetention(db: Db, config: Pick<TConfig, "retentionDays">): Promise<number> {
  const wanted = String(config.retentionDays ?? "none");
  const applied = await db.setting.findUnique({ where: { key: SETTING } });
  if (applied?.value === wanted) return 0;
  let changed = 0;
  for (let after: string | undefined; ;) {
    const page = await db.namespace.findMany({
      where: { retentionDays: null, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: 200,
      select: { id: true, retentionDays: true },
    });
    for (const namespace of page) changed += await recomputeRetainUntil(db, namespace, config);
    if (page.length < 200) break;
    after = page[page.length - 1]!.id;
  }
  await db.setting.upsert({ where: { key: SETTING }, create: { key: SETTING, value: wanted }, update: { value: wanted } });
  return changed;
}
