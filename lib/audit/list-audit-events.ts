import "server-only";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/sqlite/client.ts";
import { validationFailed } from "../errors.ts";
import { idTimePrefix } from "../ids.ts";
import type { TPrincipal } from "../access/principal.ts";
import { requireAdmin } from "../access/require-admin.ts";
import { decodeCursor, paginate } from "../pagination.ts";
import { parseInstant } from "../parse-instant.ts";
import { AUDIT_ACTIONS, type TAuditAction } from "./record-audit-event.ts";

export type TAuditFilter = {
  action?: string;
  /** An identity's name. */
  actor?: string;
  namespace?: string;
  artifactId?: string;
  /** ISO 8601, inclusive. */
  from?: string;
  /** ISO 8601, exclusive. */
  to?: string;
  limit: number;
  cursor?: string;
};

/** Audit events, newest first, for admins; filters combine with AND. */
export async function listAuditEvents(db: Db, principal: TPrincipal, filter: TAuditFilter) {
  requireAdmin(principal);
  if (filter.action !== undefined && !AUDIT_ACTIONS.includes(filter.action as TAuditAction)) {
    throw validationFailed(`action must be one of ${AUDIT_ACTIONS.join(", ")}`, { field: "action" });
  }
  const from = parseInstant(filter.from, "from");
  const to = parseInstant(filter.to, "to");
  if (from !== undefined && to !== undefined && from >= to) throw validationFailed("from must be before to", { field: "to" });
  const before = decodeCursor(filter.cursor, "string");

  const and: Prisma.AuditEventWhereInput[] = [];
  if (filter.action) and.push({ action: filter.action });
  if (filter.actor) {
    // By id when the identity exists (indexed); by the recorded name otherwise.
    const identity = await db.identity.findUnique({ where: { name: filter.actor }, select: { id: true } });
    and.push(identity ? { actorId: identity.id } : { actorName: filter.actor });
  }
  if (filter.namespace) and.push({ namespace: filter.namespace });
  if (filter.artifactId) and.push({ artifactId: filter.artifactId });
  // Event ids start with their creation time, so time bounds are id bounds.
  if (from !== undefined) and.push({ id: { gte: idTimePrefix(from) } });
  if (to !== undefined) and.push({ id: { lt: idTimePrefix(to) } });
  if (before !== undefined) and.push({ id: { lt: before } });

  const rows = await db.auditEvent.findMany({ where: { AND: and }, orderBy: { id: "desc" }, take: filter.limit + 1 });
  const { page, nextCursor } = paginate(rows, filter.limit, (e) => e.id);
  return {
    events: page.map((e) => ({
      id: e.id,
      createdAt: e.createdAt.toISOString(),
      action: e.action,
      actorId: e.actorId,
      actorName: e.actorName,
      namespace: e.namespace,
      artifactId: e.artifactId,
      version: e.version,
      details: JSON.parse(e.details) as Record<string, unknown>,
    })),
    nextCursor,
  };
}
