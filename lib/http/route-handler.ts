import "server-only";
import { getDb, type Db } from "../db/client.ts";
import { authenticateRequest } from "../access/authenticate-request.ts";
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

/** Every other API route: authenticate first (API key or dashboard session), then hand the handler a principal. */
export function apiRoute<P = Record<string, never>>(handler: (args: TArgs<P> & { principal: TPrincipal }) => Promise<Response>) {
  return publicRoute<P>(async (args) => {
    const principal = await authenticateRequest(args.db, args.req.method, args.req.headers);
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
