import "server-only";

/**
 * next-auth builds its callback URLs from NEXTAUTH_URL. Stowage's own STOWAGE_PUBLIC_URL serves
 * when that is unset; with neither, the request's Host is trusted (a self-hosted server reached
 * under whatever name its operator chose). Set STOWAGE_PUBLIC_URL behind a proxy you do not control.
 */
export function configureAuthUrl(publicUrl: string | undefined): void {
  if (process.env.NEXTAUTH_URL) return;
  if (publicUrl) process.env.NEXTAUTH_URL = publicUrl;
  else process.env.AUTH_TRUST_HOST ??= "true";
}
