import "server-only";
import type { Db } from "../db/client.ts";
import { notFound } from "../errors.ts";
import type { TPrincipal } from "../access/principal.ts";
import type { UploadedPart } from "../storage/blob-store.ts";

export type TDirectUploadRow = NonNullable<Awaited<ReturnType<Db["directUpload"]["findUnique"]>>>;

/** What the API shows of an upload; the storage key and the driver's upload id stay inside. */
export function toDirectUploadDto(u: TDirectUploadRow, parts?: UploadedPart[]) {
  const fields = JSON.parse(u.fields) as { namespace: string; name: string };
  return {
    id: u.id,
    status: u.status,
    namespace: fields.namespace,
    name: fields.name,
    sizeBytes: Number(u.sizeBytes),
    partSize: u.partSize,
    partCount: u.partCount,
    sha256: u.sha256,
    createdAt: u.createdAt.toISOString(),
    expiresAt: u.expiresAt.toISOString(),
    completedAt: u.completedAt?.toISOString() ?? null,
    artifactId: u.artifactId,
    version: u.version,
    failure: u.failure,
    ...(parts ? { parts: parts.map((p) => ({ partNumber: p.partNumber, size: p.size })) } : {}),
  };
}

/** An upload belongs to whoever started it; anyone else (admins aside) is told it does not exist. */
export async function findDirectUploadOrThrow(db: Db, principal: TPrincipal, id: string): Promise<TDirectUploadRow> {
  const upload = await db.directUpload.findUnique({ where: { id } });
  if (!upload || (upload.createdById !== principal.identityId && !principal.isAdmin)) throw notFound("upload");
  return upload;
}
