import NextAuth from "next-auth";
import { getDb } from "@/lib/db/client";
import { getAuthOptions } from "@/lib/auth/auth-options";

type TContext = { params: Promise<{ nextauth: string[] }> };

// The options are built per request: the secret may come from the database.
async function handler(req: Request, context: TContext) {
  return NextAuth(req as never, context as never, await getAuthOptions(getDb()));
}

export { handler as GET, handler as POST };
