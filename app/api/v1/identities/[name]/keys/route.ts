import { z } from "zod";
import { createKeyFor, listKeysFor } from "@/lib/admin/identities";
import { apiRoute, json } from "@/lib/http/route-handler";
import { readJsonBody } from "@/lib/http/read-json-body";

const ZCreateKey = z.strictObject({ label: z.string().max(100).optional() });

type P = { name: string };

// GET /api/v1/identities/{name}/keys – key prefixes and usage, never the keys (admin or self)
export const GET = apiRoute<P>(async ({ db, principal, params }) => json({ keys: await listKeysFor(db, principal, params.name) }));

// POST /api/v1/identities/{name}/keys – a new key, returned this once (admin or self)
export const POST = apiRoute<P>(async ({ req, db, principal, params }) => {
  const body = await readJsonBody(req, ZCreateKey, { optional: true });
  return json({ key: await createKeyFor(db, principal, params.name, body.label ?? "") }, { status: 201 });
});
