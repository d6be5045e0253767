import "server-only";
import type { Tx } from "../db/client.ts";
import { StowageError } from "../errors.ts";

/**
 * Refuses (409 ARTIFACT_VERSION_PROTECTED) a delete of a version, or with no `versionId` of the
 * whole artifact, that a protected alias points at. Call it under the artifact's row lock, so no
 * alias is protected between the check and the delete.
 */
export async function assertNotProtected(tx: Tx, artifactId: string, versionId?: string): Promise<void> {
  const holding = await tx.artifactAlias.findMany({
    where: { artifactId, protected: true, ...(versionId ? { versionId } : {}) },
    orderBy: { name: "asc" },
    select: { name: true },
  });
  if (!holding.length) return;
  const names = holding.map((a) => a.name);
  throw new StowageError(
    "ARTIFACT_VERSION_PROTECTED",
    `protected by alias ${names.join(", ")}: move or unprotect ${names.length > 1 ? "them" : "it"} first`,
    { aliases: names },
  );
}
