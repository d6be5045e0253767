import "server-only";
import type { Db } from "../db/client.ts";
import type { ArtifactShare } from "../db/generated/sqlite/client.ts";
import { lookupNames } from "./lookup-names.ts";

export type TShareDto = {
  id: string;
  artifactId: string;
  identity: string | null;
  group: string | null;
  createdBy: string | null;
  createdAt: string;
};

/** Shares as the API shows them: names instead of ids. */
export async function toShareDtos(db: Db, rows: ArtifactShare[]): Promise<TShareDto[]> {
  const names = await lookupNames(db, {
    identityIds: rows.flatMap((s) => [s.identityId, s.createdById]),
    groupIds: rows.map((s) => s.groupId),
  });
  return rows.map((s) => ({
    id: s.id,
    artifactId: s.artifactId,
    identity: names.identity(s.identityId),
    group: names.group(s.groupId),
    createdBy: names.identity(s.createdById),
    createdAt: s.createdAt.toISOString(),
  }));
}
