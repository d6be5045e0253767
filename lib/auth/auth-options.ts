import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getConfig } from "../config.ts";
import type { Db } from "../db/client.ts";
import { getAuthSecret } from "./auth-secret.ts";
import { resolveOidcIdentity } from "./resolve-oidc-identity.ts";
import { verifyCredentials } from "./verify-credentials.ts";

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 3600;

/**
 * next-auth's configuration: email + password for every install, and an OIDC provider when
 * OIDC_ISSUER / OIDC_CLIENT_ID / OIDC_CLIENT_SECRET are set. Sessions are JWT cookies whose
 * subject is the identity id; everything else about the user is read fresh per request.
 */
export async function getAuthOptions(db: Db): Promise<NextAuthOptions> {
  const { oidc } = getConfig();
  return {
    secret: await getAuthSecret(db),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials) {
          if (!credentials?.email || !credentials.password || credentials.password.length > 1024) return null;
          const identity = await verifyCredentials(db, credentials.email, credentials.password);
          return identity ? { id: identity.id, name: identity.name, email: identity.email } : null;
        },
      }),
      ...(oidc
        ? [
            {
              id: "oidc",
              name: oidc.name,
              type: "oauth" as const,
              wellKnown: `${oidc.issuer}/.well-known/openid-configuration`,
              clientId: oidc.clientId,
              clientSecret: oidc.clientSecret,
              authorization: { params: { scope: "openid email profile" } },
              idToken: true,
              checks: ["pkce" as const, "state" as const],
              profile: (p: { sub: string; email?: string; name?: string }) => ({
                id: p.sub,
                email: p.email ?? null,
                name: p.name ?? p.email ?? p.sub,
              }),
            },
          ]
        : []),
    ],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        return Boolean(await resolveOidcIdentity(db, profile ?? {}, oidc?.allowSignup ?? false));
      },
      async jwt({ token, user, account, profile }) {
        if (account?.provider === "oidc") {
          const identity = await resolveOidcIdentity(db, profile ?? {}, false);
          if (identity) token.sub = identity.id;
        } else if (user) {
          token.sub = user.id;
        }
        return token;
      },
    },
  };
}
