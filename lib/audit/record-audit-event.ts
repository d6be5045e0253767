import "server-only";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { executeSql, type TSqlRunner } from "../db/raw-sql.ts";
import { newId } from "../ids.ts";
import type { TPrincipal } from "../access/principal.ts";

/** Every action the audit log records; filters on `action` accept exactly these. */
export const AUDIT_ACTIONS = [
  "artifact.upload",
  "artifact.download",
  "artifact.delete",
  "artifact.expire",
  "version.delete",
  "version.expire",
  "alias.set",
  "alias.delete",
  "share.create",
  "share.delete",
  "share_link.create",
  "share_link.revoke",
  "url.mint",
  "quota.change",
  "upload.start",
  "upload.complete",
  "upload.abort",
  "identity.create",
  "identity.update",
  "key.create",
  "key.revoke",
  "group.create",
  "group.member_add",
  "group.member_remove",
  "namespace.create",
  "grant.set",
  "grant.revoke",
  "setup.complete",
] as const;

export type TAuditAction = (typeof AUDIT_ACTIONS)[number];

export type TAuditEventInput = {
  /** Who did it; null for requests without a key (share links, download URLs) and the system. */
  actor: TPrincipal | null;
  /** Shown instead of the actor's name, e.g. "anonymous via share link <id>". */
  actorName?: string;
  action: TAuditAction;
  namespace?: string;
  artifactId?: string;
  version?: number;
  /** Sizes, targets, expiries. Never URLs, tokens, signatures or keys. */
  details?: Record<string, unknown>;
};

// Belt and braces: a value that looks like a credential is dropped even if a caller passes one.
const SECRET_PATTERN = /X-Amz-(Signature|Credential|Security-Token)|[?&]signature=|\/api\/v1\/share\/|\bstw_[A-Za-z0-9_-]{8}/i;

function redact(value: unknown): unknown {
  if (typeof value === "string") return SECRET_PATTERN.test(value) ? "[redacted]" : value;
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v)]));
  }
  return value;
}

/**
 * Appends one event to the audit log. Never throws: an audit failure is logged and the request
 * that caused it goes on. (Inside a PostgreSQL transaction a failed insert still aborts that
 * transaction: an event that must commit with its change uses recordAuditEventInTx.)
 */
export async function recordAuditEvent(db: TSqlRunner, e: TAuditEventInput): Promise<void> {
  try {
    await recordAuditEventInTx(db, e);
  } catch (error) {
    console.error(`Stowage: could not record audit event ${e.action}:`, (error as Error)?.message ?? error);
  }
}

/** Appends one event in the caller's transaction, so it commits with the change or not at all; throws on failure. */
export async function recordAuditEventInTx(tx: TSqlRunner, e: TAuditEventInput): Promise<void> {
  const id = newId();
  // The instant the time-ordered id starts with, so time filters can be id ranges.
  const createdAt = new Date(parseInt(id.slice(0, 10), 36));
  await executeSql(
    tx,
    Prisma.sql`INSERT INTO "AuditEvent" ("id", "createdAt", "actorId", "actorName", "action", "namespace", "artifactId", "version", "details")
      VALUES (${id}, ${createdAt}, ${e.actor?.identityId ?? null}, ${e.actorName ?? e.actor?.name ?? "anonymous"}, ${e.action},
        ${e.namespace ?? null}, ${e.artifactId ?? null}, ${e.version ?? null}, ${JSON.stringify(redact(e.details ?? {}))})`,
  );
}
