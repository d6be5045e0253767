import { z } from "zod";

const ZText = z.string().min(1).max(1024);

/** GET /api/v1/runs */
export const ZRunsQuery = z.strictObject({
  namespace: ZText.optional(),
  sessionId: ZText.optional(),
  from: ZText.optional(),
  to: ZText.optional(),
  limit: z.string().optional(),
  cursor: z.string().optional(),
});

/** GET /api/v1/sessions: the same filters but the session. */
export const ZSessionsQuery = ZRunsQuery.omit({ sessionId: true });
