import "server-only";
import type { Db } from "../db/client.ts";
import { isUniqueViolation } from "../db/client.ts";
import { validationFailed } from "../errors.ts";
import { newId } from "../ids.ts";

async function upsertByExternalId<T>(find: () => Promise<T | null>, create: () => Promise<T>): Promise<T> {
  const found = await find();
  if (found) return found;
  try {
    return await create();
  } catch (error) {
    // Another upload of the same run or session created it first.
    if (!isUniqueViolation(error)) throw error;
    const again = await find();
    if (!again) throw error;
    return again;
  }
}

/** Finds or creates the session and run rows for the client's own ids. */
export async function resolveSessionAndRun(db: Db, namespaceId: string, sessionId?: string, runId?: string) {
  const session = sessionId
    ? await upsertByExternalId(
        () => db.session.findUnique({ where: { namespaceId_externalId: { namespaceId, externalId: sessionId } } }),
        () => db.session.create({ data: { id: newId(), namespaceId, externalId: sessionId } }),
      )
    : undefined;
  if (!runId) return { sessionRowId: session?.id, runRowId: undefined };
  let run = await upsertByExternalId(
    () => db.run.findUnique({ where: { namespaceId_externalId: { namespaceId, externalId: runId } } }),
    () => db.run.create({ data: { id: newId(), namespaceId, externalId: runId, sessionId: session?.id } }),
  );
  if (session && run.sessionId && run.sessionId !== session.id) {
    throw validationFailed(`run "${runId}" belongs to another session`, { field: "runId" });
  }
  if (session && !run.sessionId) run = await db.run.update({ where: { id: run.id }, data: { sessionId: session.id } });
  return { sessionRowId: session?.id, runRowId: run.id };
}
