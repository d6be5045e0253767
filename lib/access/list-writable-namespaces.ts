import "server-only";
import type { Db } from "../db/client.ts";
import type { TPrincipal } from "./principal.ts";
import { writableNamespaceFilter } from "./namespace-access.ts";

/** Names of the namespaces the principal may upload to (all, for admins), by name. */
export async function listWritableNamespaces(db: Db, principal: TPrincipal): Promise<string[]> {
  const rows = await db.namespace.findMany({ where: writableNamespaceFilter(principal), orderBy: { name: "asc" }, select: { name: true } });
  return rows.map((r) => r.name);
}
