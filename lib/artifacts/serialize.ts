import type { Artifact, ArtifactVersion } from "../db/generated/sqlite/client.ts";
import type { TArtifact, TVersion } from "../api-contract/common.ts";

/** The include that every artifact read uses, so serializers always get what they need. */
export const ARTIFACT_INCLUDE = {
  namespace: { select: { name: true } },
  session: { select: { externalId: true } },
  createdBy: { select: { name: true } },
  tags: { select: { tag: true }, orderBy: { tag: "asc" } },
} as const;

export const VERSION_INCLUDE = {
  run: { select: { externalId: true } },
  createdBy: { select: { name: true } },
} as const;

export type TArtifactRow = Artifact & {
  namespace: { name: string };
  session: { externalId: string } | null;
  createdBy: { name: string };
  tags: { tag: string }[];
};
export type TVersionRow = ArtifactVersion & { run: { externalId: string } | null; createdBy: { name: string } };

// The API contract's shapes (api-contract/common.ts): a field added here without it fails to compile.
export type TVersionDto = TVersion;
export type TArtifactDto = TArtifact;

export function toVersionDto(v: TVersionRow): TVersionDto {
  return {
    artifactId: v.artifactId,
    version: v.version,
    filename: v.filename,
    mimeType: v.mimeType,
    sizeBytes: Number(v.sizeBytes),
    sha256: v.sha256,
    createdAt: v.createdAt.toISOString(),
    createdBy: v.createdBy.name,
    runId: v.run?.externalId ?? null,
    metadata: JSON.parse(v.customMetadata) as Record<string, unknown>,
  };
}

export function toArtifactDto(a: TArtifactRow, latest?: TVersionRow | null): TArtifactDto {
  return {
    id: a.id,
    namespace: a.namespace.name,
    sessionId: a.session?.externalId ?? null,
    name: a.name,
    tags: a.tags.map((t) => t.tag),
    createdBy: a.createdBy.name,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    expiresAt: a.expiresAt?.toISOString() ?? null,
    /** When the namespace's retention ends it (last update + retention days); it expires at the earlier of the two. */
    retainUntil: a.retainUntil?.toISOString() ?? null,
    latestVersion: a.latestVersion,
    ...(latest !== undefined ? { latest: latest ? toVersionDto(latest) : null } : {}),
  };
}
