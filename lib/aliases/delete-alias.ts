import "server-only";
import type { Db } from "../db/client.ts";
import { notFound } from "../errors.ts";
import type { TPrincipal } from "../access/principal.ts";
import { findArtifactOrThrow } from "../artifacts/find-artifact-or-throw.ts";
import { lockArtifactRow } from "../gc/delete-artifact-rows.ts";
import { recordAuditEventInTx } from "../audit/record-audit-event.ts";
import { parseAliasName } from "./alias-name.ts";
import { findAlias } from "./list-aliases.ts";

/** Removes an alias (writers of the artifact); the version it pointed to stays. 404 when there is none. */
export async function deleteAlias(db: Db, principal: TPrincipal, artifactId: string, rawName: string): Promise<void> {
  const name = parseAliasName(rawName, "name");
  const artifact = await findArtifactOrThrow(db, principal, artifactId, "write");
  await db.$transaction(async (tx) => {
    if (!(await lockArtifactRow(tx, artifactId))) throw notFound();
    const alias = await findAlias(tx, artifactId, name);
    if (!alias) throw notFound(`alias ${name}`);
    await tx.artifactAlias.delete({ where: { artifactId_name: { artifactId, name } } });
    if (alias.protected) await tx.artifact.update({ where: { id: artifactId }, data: { protectedAliases: { decrement: 1 } } });
    await recordAuditEventInTx(tx, {
      actor: principal,
      action: "alias.delete",
      namespace: artifact.namespace.name,
      artifactId,
      version: alias.version.version,
      details: { name: artifact.name, alias: name, protected: alias.protected },
    });
  });
}
