import "server-only";
import { Prisma } from "../db/generated/sqlite/client.ts";
import { executeSql, queryRows, type TSqlRunner } from "../db/raw-sql.ts";
import { validationFailed } from "../errors.ts";
import { newId } from "../ids.ts";

/**
 * Finds or creates the session and run rows for the client's own ids, inside the publishing
 * transaction, so a failed upload leaves no empty session or run behind. Two first uploads of
 * the same run collide on the unique index; the caller retries the whole transaction.
 */
export async function resolveSessionAndRun(tx: TSqlRunner, namespaceId: string, sessionId?: string, runId?: string) {
  const session = sessionId ? await findOrCreate(tx, "Session", namespaceId, sessionId) : undefined;
  if (!runId) return { sessionRowId: session?.id, runRowId: undefined };
  const run = await findOrCreate(tx, "Run", namespaceId, runId, session?.id ?? null);
  if (session && run.sessionId && run.sessionId !== session.id) {
    throw validationFailed(`run "${runId}" belongs to another session`, { field: "runId" });
  }
  if (session && !run.sessionId) await executeSql(tx, Prisma.sql`UPDATE "Run" SET "sessionId" = ${session.id} WHERE "id" = ${run.id}`);
  return { sessionRowId: session?.id, runRowId: run.id };
}

async function findOrCreate(
  tx: TSqlRunner,
  table: "Session" | "Run",
  namespaceId: string,
  externalId: string,
  sessionId?: string | null,
): Promise<{ id: string; sessionId: string | null }> {
  const name = Prisma.raw(`"${table}"`);
  const sessionColumn = table === "Run" ? Prisma.sql`, "sessionId"` : Prisma.empty;
  const [found] = await queryRows<{ id: string; sessionId?: string | null }>(
    tx,
    Prisma.sql`SELECT "id"${sessionColumn} FROM ${name} WHERE "namespaceId" = ${namespaceId} AND "externalId" = ${externalId}`,
  );
  if (found) return { id: found.id, sessionId: found.sessionId ?? null };
  const id = newId();
  await executeSql(
    tx,
    table === "Run"
      ? Prisma.sql`INSERT INTO "Run" ("id", "namespaceId", "externalId", "sessionId", "createdAt") VALUES (${id}, ${namespaceId}, ${externalId}, ${sessionId ?? null}, ${new Date()})`
      : Prisma.sql`INSERT INTO "Session" ("id", "namespaceId", "externalId", "createdAt") VALUES (${id}, ${namespaceId}, ${externalId}, ${new Date()})`,
  );
  return { id, sessionId: sessionId ?? null };
}
