import "server-only";
import type { Db } from "../db/client.ts";
import { notFound } from "../errors.ts";
import type { TPrincipal } from "../access/principal.ts";
import { findArtifactOrThrow } from "../artifacts/find-artifact-or-throw.ts";
import { lockArtifactRow } from "../gc/delete-artifact-rows.ts";
import { recordAuditEventInTx } from "../audit/record-audit-event.ts";
import { parseAliasName } from "./alias-name.ts";
import { ALIAS_INCLUDE, toAliasDto, type TAliasDto } from "./alias-dto.ts";
import { findAlias } from "./list-aliases.ts";

/**
 * Points an alias at a version (writers of the artifact): creates it, or moves it. `protected`
 * left out keeps what the alias had (new aliases are unprotected). The artifact's count of
 * protected aliases and the audit row change in the same transaction, under the row lock that
 * deletes take too, so a delete never misses a protection being set.
 */
export async function setAlias(
  db: Db,
  principal: TPrincipal,
  artifactId: string,
  rawName: string,
  input: { version: number; protected?: boolean },
): Promise<{ alias: TAliasDto; created: boolean }> {
  const name = parseAliasName(rawName, "name");
  const artifact = await findArtifactOrThrow(db, principal, artifactId, "write");
  return db.$transaction(async (tx) => {
    if (!(await lockArtifactRow(tx, artifactId))) throw notFound();
    const target = await tx.artifactVersion.findUnique({ where: { artifactId_version: { artifactId, version: input.version } } });
    if (!target) throw notFound("version");
    const before = await findAlias(tx, artifactId, name);
    const isProtected = input.protected ?? before?.protected ?? false;
    const now = new Date();
    const alias = await tx.artifactAlias.upsert({
      where: { artifactId_name: { artifactId, name } },
      create: { artifactId, name, versionId: target.id, protected: isProtected, createdAt: now, updatedAt: now },
      update: { versionId: target.id, protected: isProtected, updatedAt: now },
      include: ALIAS_INCLUDE,
    });
    const delta = Number(isProtected) - Number(before?.protected ?? false);
    if (delta !== 0) await tx.artifact.update({ where: { id: artifactId }, data: { protectedAliases: { increment: delta } } });
    await recordAuditEventInTx(tx, {
      actor: principal,
      action: "alias.set",
      namespace: artifact.namespace.name,
      artifactId,
      version: input.version,
      details: {
        name: artifact.name,
        alias: name,
        protected: isProtected,
        previousVersion: before?.version.version ?? null,
        wasProtected: before?.protected ?? null,
      },
    });
    return { alias: toAliasDto(alias), created: !before };
  });
}
