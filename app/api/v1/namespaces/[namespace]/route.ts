import { z } from "zod";
import { getNamespaceUsage } from "@/lib/artifacts/namespace-usage";
import { apiRoute, adminRoute, json } from "@/lib/http/route-handler";
import { readJsonBody } from "@/lib/http/read-json-body";
import { updateNamespaceSettings } from "@/lib/quota/update-namespace-settings";

const ZSettings = z.strictObject({
  quotaBytes: z.number().nullable().optional(),
  retentionDays: z.number().nullable().optional(),
});

// GET /api/v1/namespaces/{ns} – the namespace's usage, quota and retention
export const GET = apiRoute<{ namespace: string }>(async ({ db, principal, params }) =>
  json(await getNamespaceUsage(db, principal, params.namespace)),
);

// PATCH /api/v1/namespaces/{ns} {quotaBytes?, retentionDays?} – admins set the overrides (null: the default)
export const PATCH = adminRoute<{ namespace: string }>(async ({ req, db, principal, params }) => {
  const settings = await readJsonBody(req, ZSettings);
  await updateNamespaceSettings(db, principal, params.namespace, settings);
  return json(await getNamespaceUsage(db, principal, params.namespace));
});
