import "server-only";
import { dialectOf, type Db } from "../db/client.ts";

export type TUsageDrift = {
  namespace: string;
  usedBytes: { recorded: number; actual: number };
  reservedBytes: { recorded: number; actual: number };
};

const BATCH = 200;

/**
 * Recomputes every namespace's counters from the tables (version sizes; reservations still
 * held) and reports where they drifted; with `fix`, sets them right. Each namespace is checked
 * and fixed in one transaction holding its row, so a commit running at the same time is counted
 * exactly once.
 */
export async function reconcileUsage(
  db: Db,
  options: { fix: boolean },
): Promise<{ namespaces: number; drifted: TUsageDrift[]; fixed: boolean }> {
  const drifted: TUsageDrift[] = [];
  let namespaces = 0;
  let cursor: string | undefined;
  for (;;) {
    const page = await db.namespace.findMany({
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true },
    });
    for (const { id } of page) {
      namespaces++;
      const drift = await db.$transaction(async (tx) => {
        // Commits update this row too, so holding it keeps them out until the check is done.
        if (dialectOf(db) === "postgres") await tx.$queryRaw`SELECT "id" FROM "Namespace" WHERE "id" = ${id} FOR UPDATE`;
        const ns = await tx.namespace.findUniqueOrThrow({ where: { id } });
        const [versions, reservations] = await Promise.all([
          tx.artifactVersion.aggregate({ where: { artifact: { namespaceId: id } }, _sum: { sizeBytes: true } }),
          tx.quotaReservation.aggregate({ where: { namespaceId: id }, _sum: { bytes: true } }),
        ]);
        const used = versions._sum.sizeBytes ?? 0n;
        const reserved = reservations._sum.bytes ?? 0n;
        if (used === ns.usedBytes && reserved === ns.reservedBytes) return null;
        if (options.fix) await tx.namespace.update({ where: { id }, data: { usedBytes: used, reservedBytes: reserved } });
        return {
          namespace: ns.name,
          usedBytes: { recorded: Number(ns.usedBytes), actual: Number(used) },
          reservedBytes: { recorded: Number(ns.reservedBytes), actual: Number(reserved) },
        };
      });
      if (drift) drifted.push(drift);
    }
    if (page.length < BATCH) break;
    cursor = page[page.length - 1]!.id;
  }
  return { namespaces, drifted, fixed: options.fix };
}
