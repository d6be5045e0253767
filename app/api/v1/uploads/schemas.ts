import { z } from "zod";

/** POST /api/v1/uploads: the same fields as an upload, plus what the parts need to know. */
export const ZStartUpload = z.strictObject({
  namespace: z.string(),
  name: z.string().optional(),
  filename: z.string().optional(),
  contentType: z.string().max(255).optional(),
  size: z.number().int(),
  sha256: z.string().optional(),
  partSize: z.number().int().optional(),
  sessionId: z.string().optional(),
  runId: z.string().optional(),
  tags: z.union([z.array(z.string()), z.string()]).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  expiresAt: z.string().optional(),
});

export const ZPartUrlsRequest = z.strictObject({
  partNumbers: z.array(z.number().int()).min(1).max(1000),
});
