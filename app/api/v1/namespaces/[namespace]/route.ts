import { getNamespaceOp, updateNamespaceSettingsOp } from "@/lib/api-contract/admin";
import { getNamespaceUsage } from "@/lib/artifacts/namespace-usage";
import { readBody, readParams } from "@/lib/http/contract-input";
import { apiRoute, adminRoute, json } from "@/lib/http/route-handler";
import { updateNamespaceSettings } from "@/lib/quota/update-namespace-settings";

type P = { namespace: string };

// GET /api/v1/namespaces/{ns} – the namespace's usage, quota and retention
export const GET = apiRoute<P>(async ({ db, principal, params }) => {
  const { namespace } = readParams(params, getNamespaceOp);
  return json(await getNamespaceUsage(db, principal, namespace));
});

// PATCH /api/v1/namespaces/{ns} {quotaBytes?, retentionDays?, keepVersions?} – admins set the overrides (null: the default)
export const PATCH = adminRoute<P>(async ({ req, db, principal, params }) => {
  const { namespace } = readParams(params, updateNamespaceSettingsOp);
  const settings = await readBody(req, updateNamespaceSettingsOp);
  await updateNamespaceSettings(db, principal, namespace, settings);
  return json(await getNamespaceUsage(db, principal, namespace));
});
