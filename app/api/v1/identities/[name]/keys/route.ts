import { createIdentityKeyOp, listIdentityKeysOp } from "@/lib/api-contract/admin";
import { createKeyFor, listKeysFor } from "@/lib/admin/identities";
import { readBody, readParams } from "@/lib/http/contract-input";
import { apiRoute, json } from "@/lib/http/route-handler";

type P = { name: string };

// GET /api/v1/identities/{name}/keys – key prefixes and usage, never the keys (admin or self)
export const GET = apiRoute<P>(async ({ db, principal, params }) => {
  const { name } = readParams(params, listIdentityKeysOp);
  return json({ keys: await listKeysFor(db, principal, name) });
});

// POST /api/v1/identities/{name}/keys – a new key, returned this once (admin or self)
export const POST = apiRoute<P>(async ({ req, db, principal, params }) => {
  const { name } = readParams(params, createIdentityKeyOp);
  const body = await readBody(req, createIdentityKeyOp);
  return json({ key: await createKeyFor(db, principal, name, body.label ?? "") }, { status: 201 });
});
