import "server-only";
import { getDb, type Db } from "../db/client.ts";
import { authenticateApiKey } from "../access/authenticate-api-key.ts";
import type { TPrincipal } from "../access/principal.ts";
import { requireAdmin } from "../access/require-admin.ts";
import { errorResponse } from "./error-response.ts";

type TRouteContext<P> = { params: Promise<P> };
type TArgs<P> = { req: Request; params: P; db: Db };

/** Public routes (share links): errors still go through the one error path. */
export function publicRoute<P = Record<string, never>>(handler: (args: TArgs<P>) => Promise<Response>) {
  return async (req: Request, ctx: TRouteContext<P>): Promise<Response> => {
    try {
      return await handler({ req, params: await ctx.params, db: getDb() });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Every other API route: authenticate the API key first, then hand the handler a principal. */
export function apiRoute<P = Record<string, never>>(handler: (args: TArgs<P> & { principal: TPrincipal }) => Promise<Response>) {
  return publicRoute<P>(async (args) => {
    const principal = await authenticateApiKey(args.db, args.req.headers.get("authorization"));
    return handler({ ...args, principal });
  });
}

/** Admin-only routes: refuse non-admins before reading anything they sent. */
export function adminRoute<P = Record<string, never>>(handler: (args: TArgs<P> & { principal: TPrincipal }) => Promise<Response>) {
  return apiRoute<P>(async (args) => {
    requireAdmin(args.principal);
    return handler(args);
  });
}

export const json = (data: unknown, init?: ResponseInit) => {
  const headers = new Headers(init?.headers);
  headers.set("Cache-Control", "no-store");
  return Response.json(data, { ...init, headers });
};
