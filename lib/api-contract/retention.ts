import { z } from "zod";
import { operation, type TOperation } from "./operation.ts";

const TAG = "Namespaces";

const ZPreviewVersion = z
  .strictObject({
    artifactId: z.string(),
    name: z.string(),
    version: z.number().int().min(0),
    sizeBytes: z.number().int().min(0),
    reason: z.enum(["keepVersions"]).meta({ description: "keepVersions: more than the namespace keeps follow it." }),
  })
  .meta({ id: "RetentionPreviewVersion" });

const ZPreviewArtifact = z
  .strictObject({
    artifactId: z.string(),
    name: z.string(),
    versions: z.number().int().min(0).meta({ description: "How many versions go with it." }),
    sizeBytes: z.number().int().min(0),
    reason: z
      .enum(["expiresAt", "retentionDays"])
      .meta({ description: "expiresAt: its own expiry passed; retentionDays: the namespace's age rule ended it." }),
  })
  .meta({ id: "RetentionPreviewArtifact" });

const ZRetentionPreview = z
  .strictObject({
    namespace: z.string(),
    rules: z.strictObject({
      retentionDays: z
        .number()
        .int()
        .nullable()
        .meta({ description: "The age rule in force: the namespace's override, else ARTIFACT_RETENTION_DAYS; null: none." }),
      keepVersions: z.number().int().nullable().meta({ description: "Versions kept per artifact; null: no limit." }),
    }),
    versions: z.array(ZPreviewVersion).meta({ description: "Versions keep-last-N removes, by artifact and version (at most 500)." }),
    artifacts: z.array(ZPreviewArtifact).meta({ description: "Artifacts the age rule has expired, removed whole (at most 500)." }),
    totalBytes: z.number().int().min(0).meta({ description: "Bytes the next sweep frees, over everything (listed or not)." }),
    truncated: z.boolean().meta({ description: "Whether either list was cut at 500." }),
  })
  .meta({
    id: "RetentionPreview",
    example: {
      namespace: "team:ml",
      rules: { retentionDays: 30, keepVersions: 2 },
      versions: [{ artifactId: "01jf3zb1c2d3e4f5g6h7j8k9l0", name: "report.csv", version: 0, sizeBytes: 1024, reason: "keepVersions" }],
      artifacts: [],
      totalBytes: 1024,
      truncated: false,
    },
  });

export const previewRetentionOp = operation({
  id: "previewRetention",
  method: "GET",
  path: "/api/v1/namespaces/{namespace}/retention/preview",
  tag: TAG,
  summary: "What the namespace's retention rules would delete, and the bytes freed (admins and writers)",
  description:
    "A dry run of the next sweep: versions beyond the newest keepVersions of each artifact (never the latest, never one a protected alias points at) and the artifacts the age rule has already expired. The sweep deletes by the same selection, audited as version.expire / artifact.expire by system.",
  auth: "key",
  params: z.strictObject({
    namespace: z.string().meta({ description: "The namespace's name, e.g. team:ml (the colon may be percent-encoded)." }),
  }),
  responses: { 200: { description: "What would be removed.", schema: ZRetentionPreview } },
  errors: ["ARTIFACT_VALIDATION_FAILED", "ARTIFACT_NAMESPACE_DENIED", "ARTIFACT_NOT_FOUND"],
});

export const RETENTION_OPERATIONS: readonly TOperation[] = [previewRetentionOp];
