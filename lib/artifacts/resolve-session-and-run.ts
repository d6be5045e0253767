import "server-only";
import type { Tx } from "../db/client.ts";
import { validationFailed } from "../errors.ts";
import { newId } from "../ids.ts";

/**
 * Finds or creates the session and run rows for the client's own ids, inside the publishing
 * transaction, so a failed upload leaves no empty session or run behind. Two first uploads of
 * the same run collide on the unique index; the caller retries the whole transaction.
 */
export async function resolveSessionAndRun(tx: Tx, namespaceId: string, sessionId?: string, runId?: string) {
  const session = sessionId
    ? ((await tx.session.findUnique({ where: { namespaceId_externalId: { namespaceId, externalId: sessionId } } })) ??
      (await tx.session.create({ data: { id: newId(), namespaceId, externalId: sessionId } })))
    : undefined;
  if (!runId) return { sessionRowId: session?.id, runRowId: undefined };
  let run =
    (await tx.run.findUnique({ where: { namespaceId_externalId: { namespaceId, externalId: runId } } })) ??
    (await tx.run.create({ data: { id: newId(), namespaceId, externalId: runId, sessionId: session?.id } }));
  if (session && run.sessionId && run.sessionId !== session.id) {
    throw validationFailed(`run "${runId}" belongs to another session`, { field: "runId" });
  }
  if (session && !run.sessionId) run = await tx.run.update({ where: { id: run.id }, data: { sessionId: session.id } });
  return { sessionRowId: session?.id, runRowId: run.id };
}
