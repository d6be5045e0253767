import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { needsSetup } from "@/lib/auth/complete-setup";
import { getViewer } from "@/app/_auth/get-viewer";
import { SignInForm } from "@/components/auth/sign-in-form";
import { describeSignInError } from "@/components/auth/sign-in-errors";
import { linkClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Sign in · Stowage" };
export const dynamic = "force-dynamic";

/** Keeps redirects after sign-in on this site (next-auth checks too; this keeps the form honest). */
const safeCallback = (value: string | undefined) => (value && value.startsWith("/") && !value.startsWith("//") ? value : "/runs");

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallback(callbackUrl);
  if (await getViewer()) redirect(target);
  const setupOpen = await needsSetup(getDb());
  const oidc = getConfig().oidc;
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-12">
      <div className="mb-6 flex items-center gap-3">
        <img src="/icon.svg" alt="" width={36} height={36} />
        <h1 className="text-2xl font-semibold">Sign in to Stowage</h1>
      </div>
      {setupOpen && (
        <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          No one can sign in yet.{" "}
          <Link className={linkClass} href="/setup">
            Set up the first admin
          </Link>
          .
        </p>
      )}
      <SignInForm callbackUrl={target} error={error ? describeSignInError(error) : undefined} oidcName={oidc?.name} />
    </main>
  );
}
