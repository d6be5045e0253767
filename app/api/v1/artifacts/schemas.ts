import { z } from "zod";

const ZText = z.string().min(1).max(1024);

/** GET /api/v1/artifacts: the plain filters; `metadata.<key>` filters are read separately. */
export const ZListQuery = z.strictObject({
  namespace: ZText.optional(),
  sessionId: ZText.optional(),
  runId: ZText.optional(),
  tag: ZText.optional(),
  name: ZText.optional(),
  limit: z.string().optional(),
  cursor: z.string().optional(),
});

export const ZArtifactPatch = z.strictObject({
  tags: z.array(z.string()).optional(),
  expiresAt: z.string().nullable().optional(),
});

export const ZShareRequest = z.strictObject({
  expiresIn: z.number().int().optional(),
  version: z.number().int().min(0).max(2_147_483_647).optional(),
});
